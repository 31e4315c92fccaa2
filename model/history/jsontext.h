#pragma once

#include <QByteArray>

#include <string>

// Small JSON text helpers shared by the history readers and writers.
namespace Stepscope::JsonText {

/// Decodes a JSON string literal (quotes included); invalid escapes are kept as written.
[[nodiscard]] QByteArray unquote(const char* data, qsizetype size);
/// Encodes UTF-8 text as a JSON string literal, escaping quotes, backslashes and control characters.
[[nodiscard]] QByteArray quote(const QByteArray& utf8);
void appendQuoted(std::string& out, const char* data, size_t size);

} // namespace Stepscope::JsonText
