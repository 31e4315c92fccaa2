#include "jsontext.h"

#include <string>

namespace Stepscope::JsonText {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool readHex4(const char* p, const char* end, unsigned& value)
{
    if (end - p < 4)
        return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexValue(p[i]);
        if (h < 0)
            return false;
        value = value * 16 + unsigned(h);
    }
    return true;
}

void appendUtf8(QByteArray& out, unsigned cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}
}

QByteArray unquote(const char* data, qsizetype size)
{
    const char* p = data;
    const char* end = data + size;
    if (p < end && *p == '"')
        ++p;
    if (end > p && end[-1] == '"')
        --end;
    QByteArray out;
    out.reserve(end - p);
    while (p < end) {
        const char* backslash = static_cast<const char*>(memchr(p, '\\', size_t(end - p)));
        if (!backslash) {
            out.append(p, end - p);
            break;
        }
        out.append(p, backslash - p);
        p = backslash + 1;
        if (p >= end) {
            out.append('\\');
            break;
        }
        const char c = *p++;
        switch (c) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case '/': out.append('/'); break;
        case '\\': out.append('\\'); break;
        case '"': out.append('"'); break;
        case 'u': {
            unsigned cp = 0;
            if (!readHex4(p, end, cp)) {
                out.append("\\u");
                break;
            }
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00) {
                unsigned low = 0;
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && readHex4(p + 2, end, low) && low >= 0xDC00
                    && low < 0xE000) {
                    p += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else {
                    cp = 0xFFFD; // lone surrogate
                }
            } else if (cp >= 0xDC00 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            out.append('\\');
            out.append(c);
        }
    }
    return out;
}

void appendQuoted(std::string& out, const char* data, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xF]);
            } else {
                out.push_back(char(c));
            }
        }
    }
    out.push_back('"');
}

QByteArray quote(const QByteArray& utf8)
{
    std::string out;
    appendQuoted(out, utf8.constData(), size_t(utf8.size()));
    return QByteArray::fromStdString(out);
}

} // namespace Stepscope::JsonText
