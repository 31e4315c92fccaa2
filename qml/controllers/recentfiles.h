#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Stepscope {

/// File › Open recent: the last files opened, newest first, kept in the settings.
class RecentFiles : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
    Q_PROPERTY(QStringList files READ files NOTIFY changed)
public:
    explicit RecentFiles(QObject* parent = nullptr);
    ~RecentFiles() override;

    [[nodiscard]] QStringList files() const;
    /// Puts `paths` first (empty ones are skipped), in one change.
    void add(const QStringList& paths);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    mutable std::optional<QStringList> m_files; ///< read from the settings once
    QThreadPool m_writer; ///< one thread: writes the settings file off the UI thread, in order
};

} // namespace Stepscope
