#include "execution.h"

#include "jsontext.h"

namespace Stepscope {

Payload::Payload(std::shared_ptr<const void> owner, const char* data, qsizetype size, Encoding encoding)
    : m_owner(std::move(owner))
    , m_data(data)
    , m_size(size)
    , m_encoding(data ? encoding : Encoding::None)
{
}

Payload Payload::fromJson(const QByteArray& json)
{
    auto owner = std::make_shared<QByteArray>(json.trimmed());
    const Encoding encoding = owner->startsWith('"') ? Encoding::StringLiteral : Encoding::Raw;
    return Payload(owner, owner->constData(), owner->size(), encoding);
}

Payload Payload::fromString(const QString& text)
{
    return fromJson(JsonText::quote(text.toUtf8()));
}

QByteArray Payload::raw() const
{
    return m_encoding == Encoding::None ? QByteArray() : QByteArray(m_data, m_size);
}

QByteArray Payload::text() const
{
    switch (m_encoding) {
    case Encoding::None:
        return {};
    case Encoding::Raw:
        return QByteArray(m_data, m_size);
    case Encoding::StringLiteral: {
        QByteArray once = JsonText::unquote(m_data, m_size);
        // A string holding a JSON string: AWS payloads encoded twice by the writer.
        const QByteArray trimmed = once.trimmed();
        if (trimmed.size() >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))
            return JsonText::unquote(trimmed.constData(), trimmed.size());
        return once;
    }
    }
    return {};
}

bool Payload::isEncodedTwice() const
{
    if (m_encoding != Encoding::StringLiteral)
        return false;
    const QByteArray trimmed = JsonText::unquote(m_data, m_size).trimmed();
    return trimmed.size() >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"');
}

bool Payload::holdsJsonStructure() const
{
    const QByteArray value = text().trimmed();
    return value.startsWith('{') || value.startsWith('[');
}

} // namespace Stepscope
