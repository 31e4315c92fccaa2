#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The archive the window works with: the default archive (the command line's default too) or one chosen with
/// File › Open archive… (remembered). Views that read it (heat map, executions browser) refresh when `revision`
/// changes (another archive chosen, executions imported). Every reader opens its own connection off the UI thread.
class ArchiveSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY changed)
    Q_PROPERTY(QString defaultPath READ defaultPath CONSTANT)
    Q_PROPERTY(bool exists READ exists NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
public:
    explicit ArchiveSession(QObject* parent = nullptr);

    [[nodiscard]] QString path() const { return m_path; }
    /// Chooses another archive file (remembered across runs); empty: the default archive.
    void setPath(const QString& path);
    Q_INVOKABLE void setPathUrl(const QUrl& url);
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] bool exists() const;
    [[nodiscard]] int revision() const { return m_revision; }
    /// The archive's content changed (an import ended): readers query again.
    Q_INVOKABLE void contentChanged();

Q_SIGNALS:
    void changed();

private:
    QString m_path;
    int m_revision = 0;
};

} // namespace Stepscope
