#include "validatorchecks.h"

#include <cctype>

namespace Stepscope::Validation {

namespace {

bool isQualifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

/// "arn:aws:lambda:region:account:function:name[:qualifier]": the qualifier is a version, an alias or $LATEST.
QString lambdaArnProblem(std::string_view arn)
{
    size_t pos = 0;
    for (int colons = 0; colons < 6; ++colons) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    const std::string_view rest = arn.substr(pos); // name[:qualifier]
    const size_t colon = rest.find(':');
    const std::string_view name = rest.substr(0, colon);
    if (name.empty())
        return QStringLiteral("the Lambda function name is empty");
    if (colon == std::string_view::npos)
        return {};
    const std::string_view qualifier = rest.substr(colon + 1);
    if (qualifier.empty())
        return QStringLiteral("the Lambda function ARN ends with \":\" but names no version or alias");
    if (qualifier == "$LATEST")
        return {};
    for (const char c : qualifier) {
        if (!isQualifierChar(c))
            return QStringLiteral("\"%1\" is not a valid Lambda version or alias (letters, digits, - and _ only, or $LATEST)")
                .arg(QString::fromUtf8(qualifier.data(), static_cast<qsizetype>(qualifier.size())));
    }
    return {};
}

} // namespace

void checkResource(Reporter& r, const Json& resource, const std::string& pointer)
{
    if (isIntrinsicObject(resource))
        return; // CloudFormation resolves it at deploy time
    if (!resource.is_string()) {
        r.error(pointer, QStringLiteral("\"Resource\" must be an ARN string, not %1").arg(jsonTypeName(resource)));
        return;
    }
    const std::string& text = resource.get_ref<const std::string&>();
    const size_t open = text.find("${");
    if (open != std::string::npos) {
        if (text.find('}', open) == std::string::npos)
            r.error(pointer, QStringLiteral("\"Resource\" has an unclosed substitution \"${\": %1").arg(inQuotes(text)));
        return; // a template placeholder: the real value is only known at deploy time
    }
    if (text.empty()) {
        r.error(pointer, QStringLiteral("\"Resource\" is empty: give the ARN of the task to run"));
        return;
    }
    if (!text.starts_with("arn:")) {
        r.warning(pointer, QStringLiteral("\"Resource\" should be an ARN (arn:...), not %1").arg(inQuotes(text)));
        return;
    }
    if (text.find(":lambda:") != std::string::npos && text.find(":function:") != std::string::npos) {
        if (const QString problem = lambdaArnProblem(text); !problem.isEmpty())
            r.error(pointer, QStringLiteral("\"Resource\": %1").arg(problem));
    }
}

} // namespace Stepscope::Validation
