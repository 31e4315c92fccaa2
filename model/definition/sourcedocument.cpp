#include "sourcedocument.h"

namespace Stepscope {

SourcePos SourceDocument::positionOf(const std::string& pointer) const
{
    std::string current = pointer;
    while (true) {
        if (const auto it = positions.find(current); it != positions.end())
            return it->second;
        if (current.empty())
            return {};
        const auto slash = current.rfind('/');
        current.resize(slash == std::string::npos ? 0 : slash);
    }
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
    for (const auto& [key, pos] : positions) {
        if (key.size() >= pointer.size() && key.compare(0, pointer.size(), pointer) == 0
            && (key.size() == pointer.size() || key[pointer.size()] == '/'))
            sub.positions.emplace(key.substr(pointer.size()), pos);
    }
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
