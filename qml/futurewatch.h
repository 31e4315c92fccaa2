#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace Stepscope {

/// Calls `done(result)` on `owner`'s thread when `future` has a result. The watcher belongs to `owner`: when the owner
/// is destroyed first, nothing is called (the worker finishes on its own copies). QFuture::then with a context
/// asserts on a destroyed context in Qt 6.4.
template <typename T, typename Done>
void whenFinished(QObject* owner, QFuture<T> future, Done&& done)
{
    auto* watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done = std::forward<Done>(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace Stepscope
