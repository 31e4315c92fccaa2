#include "workflow.h"

#include <array>

namespace Stepscope {

namespace {
constexpr std::array stateTypeNames {
    "Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map",
};
}

QString stateTypeName(StateType type)
{
    const auto index = static_cast<size_t>(type);
    return index < stateTypeNames.size() ? QString::fromLatin1(stateTypeNames[index]) : QStringLiteral("Unknown");
}

StateType stateTypeFromName(const QString& name)
{
    for (size_t i = 0; i < stateTypeNames.size(); ++i) {
        if (name == QLatin1String(stateTypeNames[i]))
            return static_cast<StateType>(i);
    }
    return StateType::Unknown;
}

QString edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Next:
        return QStringLiteral("next");
    case EdgeKind::Choice:
        return QStringLiteral("choice");
    case EdgeKind::Default:
        return QStringLiteral("default");
    case EdgeKind::Catch:
        return QStringLiteral("catch");
    }
    return QStringLiteral("next");
}

QString queryLanguageName(QueryLanguage language)
{
    return language == QueryLanguage::JSONata ? QStringLiteral("JSONata") : QStringLiteral("JSONPath");
}

QString RetryRule::summary() const
{
    QString text = QStringLiteral("%1× retry, %2s").arg(maxAttempts).arg(intervalSeconds);
    if (backoffRate != 1)
        text += QStringLiteral(" ×%1").arg(backoffRate);
    if (maxDelaySeconds)
        text += QStringLiteral(" ≤%1s").arg(*maxDelaySeconds);
    if (!jitterStrategy.isEmpty() && jitterStrategy != QLatin1String("NONE"))
        text += QStringLiteral(" jitter");
    return text;
}

StateIndex Workflow::findState(const QString& name, ContainerIndex container) const
{
    for (StateIndex i = 0; i < states.size(); ++i) {
        if (states[i].container == container && states[i].name == name)
            return i;
    }
    return NoIndex;
}

StateIndex Workflow::findStateById(const QString& id) const
{
    for (StateIndex i = 0; i < states.size(); ++i) {
        if (states[i].id == id)
            return i;
    }
    return NoIndex;
}

QList<StateIndex> Workflow::statesIn(ContainerIndex container) const
{
    QList<StateIndex> result;
    for (StateIndex i = 0; i < states.size(); ++i) {
        if (states[i].container == container)
            result.append(i);
    }
    return result;
}

QList<ContainerIndex> Workflow::containerPath(ContainerIndex container) const
{
    QList<ContainerIndex> path;
    // Bounded by the number of containers so that a malformed parent chain cannot loop forever.
    for (int guard = 0; container != NoIndex && guard <= containers.size(); ++guard) {
        path.prepend(container);
        container = containers[container].parent;
    }
    return path;
}

} // namespace Stepscope
