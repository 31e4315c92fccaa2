#include "sourcedocument.h"

namespace Stepscope {

SourcePos SourceDocument::positionOf(const std::string& pointer) const
{
    return positions.find(pointer);
}

SourceDocument SourceDocument::subDocument(const std::string& pointer) const
{
    SourceDocument sub;
    sub.file = file;
    try {
        sub.root = root.at(Json::json_pointer(pointer));
    } catch (const Json::exception&) {
        return sub;
    }
    sub.positions = positions.below(pointer);
    return sub;
}

std::string escapePointerToken(const std::string& token)
{
    if (token.find_first_of("~/") == std::string::npos)
        return token;
    std::string escaped;
    escaped.reserve(token.size() + 4);
    for (const char c : token) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

QString toQString(const std::string& utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

} // namespace Stepscope
