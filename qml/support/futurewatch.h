#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace Stepscope {

namespace Detail {
struct NoProgress {
    void operator()(const QString&) const { }
};
} // namespace Detail

/// The one way background work hands its result to the window: the work runs with QtConcurrent::run and returns a
/// value; `done(result)` is then called on `owner`'s thread, and `progress(text)` whenever the work reports progress
/// text. The watcher belongs to `owner`: when the owner is destroyed first, nothing is called (the worker finishes on
/// its own copies). QFuture::then with a context asserts on a destroyed context in Qt 6.4.
template <typename T, typename Done, typename Progress = Detail::NoProgress>
void whenFinished(QObject* owner, QFuture<T> future, Done&& done, Progress&& progress = {})
{
    auto* watcher = new QFutureWatcher<T>(owner);
    if constexpr (!std::is_same_v<std::decay_t<Progress>, Detail::NoProgress>)
        QObject::connect(watcher, &QFutureWatcherBase::progressTextChanged, owner, std::forward<Progress>(progress));
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done = std::forward<Done>(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace Stepscope
