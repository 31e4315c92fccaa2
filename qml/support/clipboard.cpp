#include "support/clipboard.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Stepscope {

void Clipboard::setText(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
}

void Clipboard::setImage(const QImage& image)
{
    QGuiApplication::clipboard()->setImage(image);
}

QString Clipboard::text() const
{
    return QGuiApplication::clipboard()->text();
}

} // namespace Stepscope
