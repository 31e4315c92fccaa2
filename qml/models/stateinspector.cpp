#include "models/stateinspector.h"

#include "workflow/durationtext.h"

namespace Stepscope {

namespace {

QString timeText(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")) : QString();
}

QString durationText(const QDateTime& from, const QDateTime& to)
{
    return from.isValid() && to.isValid() ? Stepscope::durationText(from.msecsTo(to)) : QString();
}

} // namespace

StateInspector::StateInspector(QObject* parent)
    : QObject(parent)
{
}

void StateInspector::setDocument(std::shared_ptr<const LoadedDocument> document, EventModel* events)
{
    m_doc = std::move(document);
    m_events.setSourceModel(events);
    m_state = NoIndex;
    m_stateRuns.clear();
    m_currentRun = -1;
    refreshRun();
}

void StateInspector::show(StateIndex state, int preferredRun)
{
    if (!m_doc || state < 0 || state >= m_doc->workflow.states.size())
        state = NoIndex;
    m_state = state;
    m_stateRuns = state != NoIndex ? m_doc->runs.runsOf(state) : QList<int>();
    m_currentRun = m_stateRuns.isEmpty() ? -1 : 0;
    const int preferred = m_stateRuns.indexOf(preferredRun);
    if (preferred >= 0) {
        m_currentRun = preferred;
    } else {
        for (int i = m_stateRuns.size() - 1; i >= 0; --i) {
            const RunStatus s = m_doc->runs.runs()[m_stateRuns[i]].run->status;
            if (s == RunStatus::Failed || s == RunStatus::TimedOut || s == RunStatus::Caught) {
                m_currentRun = i;
                break;
            }
        }
    }
    const QByteArray json = state != NoIndex ? workflow().states[state].json : QByteArray();
    m_definition.setText(QString::fromUtf8(json));
    refreshRun();
}

void StateInspector::setCurrentRun(int run)
{
    if (run == m_currentRun || run < 0 || run >= m_stateRuns.size())
        return;
    m_currentRun = run;
    refreshRun();
}

const StateRun* StateInspector::run() const
{
    if (!m_doc || m_currentRun < 0 || m_currentRun >= m_stateRuns.size())
        return nullptr;
    return m_doc->runs.runs()[m_stateRuns[m_currentRun]].run;
}

void StateInspector::refreshRun()
{
    const StateRun* r = run();
    m_input.setText(r && r->input.isPresent() ? r->input.toString() : QString());
    m_output.setText(r && r->output.isPresent() ? r->output.toString() : QString());
    const QByteArray cause = r ? r->cause.text() : QByteArray();
    m_causeTree.setText(QString::fromUtf8(cause));
    m_lambda = cause.isEmpty() ? std::nullopt : parseLambdaCause(cause);
    m_events.setEventSubset(r ? RunIndex::eventsOf(*r) : QList<int>(), true);
    Q_EMIT changed();
}

QString StateInspector::name() const
{
    return m_state != NoIndex ? workflow().states[m_state].name : QString();
}

QString StateInspector::typeName() const
{
    return m_state != NoIndex ? workflow().states[m_state].typeName : QString();
}

QString StateInspector::location() const
{
    if (m_state == NoIndex)
        return {};
    if (const StateRun* r = run(); r && !r->containerPath.isEmpty())
        return r->containerPath.join(QStringLiteral(" › "));
    QStringList path;
    for (const ContainerIndex c : workflow().containerPath(workflow().states[m_state].container)) {
        const Container& container = workflow().containers[c];
        path.append(workflow().states[container.owner].name + QStringLiteral(" › ") + container.label);
    }
    return path.join(QStringLiteral(" › "));
}

QString StateInspector::statusName() const
{
    const StateRun* r = run();
    if (r)
        return runStatusName(r->status);
    return m_doc && m_doc->execution && m_state != NoIndex ? runStatusName(RunStatus::NotRun) : QString();
}

QStringList StateInspector::runLabels() const
{
    QStringList labels;
    for (int index : m_stateRuns) {
        const StateRun* r = m_doc->runs.runs()[index].run;
        labels.append(r->path().join(QStringLiteral(" › ")) + QStringLiteral(" — ") + runStatusName(r->status));
    }
    return labels;
}

QString StateInspector::runSummary() const
{
    const StateRun* r = run();
    if (!r)
        return {};
    QStringList parts;
    if (r->entered.isValid())
        parts.append(QStringLiteral("entered %1").arg(timeText(r->entered)));
    if (const QString d = durationText(r->entered, r->exited); !d.isEmpty())
        parts.append(QStringLiteral("took %1").arg(d));
    if (!r->attempts.isEmpty())
        parts.append(r->attempts.size() == 1 ? QStringLiteral("1 attempt")
                                              : QStringLiteral("%1 attempts").arg(r->attempts.size()));
    if (r->caught)
        parts.append(QStringLiteral("caught %1 → %2").arg(r->caught->error, r->caught->nextState));
    return parts.join(QStringLiteral(" · "));
}

QString StateInspector::error() const
{
    const StateRun* r = run();
    if (!r)
        return {};
    if (!r->error.isEmpty())
        return r->error;
    for (auto it = r->attempts.crbegin(); it != r->attempts.crend(); ++it) {
        if (!it->error.isEmpty())
            return it->error;
    }
    return {};
}

QString StateInspector::cause() const
{
    const StateRun* r = run();
    return r ? r->cause.toString() : QString();
}

QVariantList StateInspector::attempts() const
{
    QVariantList list;
    const StateRun* r = run();
    if (!r)
        return list;
    for (const TaskAttempt& a : r->attempts) {
        QString wait;
        for (const RetryWait& w : r->retries) {
            if (w.afterAttempt == a.number && w.waitMs >= 0)
                wait = QStringLiteral("then waited %1 s").arg(w.waitMs / 1000.0, 0, 'f', 1);
        }
        list.append(QVariantMap { { QStringLiteral("number"), a.number },
            { QStringLiteral("outcome"), attemptOutcomeName(a.outcome) }, { QStringLiteral("failed"), a.failed() },
            { QStringLiteral("started"), timeText(a.started.isValid() ? a.started : a.scheduled) },
            { QStringLiteral("duration"),
                durationText(a.started.isValid() ? a.started : a.scheduled, a.ended) },
            { QStringLiteral("error"), a.error }, { QStringLiteral("cause"), a.cause.toString() },
            { QStringLiteral("resource"), a.resource }, { QStringLiteral("wait"), wait } });
    }
    return list;
}

QStringList StateInspector::retryRules() const
{
    QStringList rules;
    if (m_state == NoIndex)
        return rules;
    for (const RetryRule& rule : workflow().states[m_state].retries)
        rules.append(rule.errorEquals.join(QStringLiteral(", ")) + QStringLiteral(": ") + rule.summary());
    return rules;
}

QStringList StateInspector::catchRules() const
{
    QStringList rules;
    if (m_state == NoIndex)
        return rules;
    for (const CatchRule& rule : workflow().states[m_state].catches)
        rules.append(rule.errorEquals.join(QStringLiteral(", ")) + QStringLiteral(" → ") + rule.next);
    return rules;
}

QString StateInspector::summaryText() const
{
    if (m_state == NoIndex)
        return {};
    QStringList lines { QStringLiteral("%1 (%2)").arg(name(), typeName()) };
    if (!location().isEmpty())
        lines.append(QStringLiteral("in ") + location());
    if (!statusName().isEmpty())
        lines.append(QStringLiteral("status: ") + statusName());
    if (!runSummary().isEmpty())
        lines.append(runSummary());
    if (!error().isEmpty())
        lines.append(QStringLiteral("error: ") + error());
    if (!cause().isEmpty())
        lines.append(QStringLiteral("cause: ") + cause());
    for (const QVariant& a : attempts()) {
        const QVariantMap m = a.toMap();
        lines.append(QStringLiteral("attempt %1: %2 %3 %4 %5")
                         .arg(m[QStringLiteral("number")].toString(), m[QStringLiteral("outcome")].toString(),
                             m[QStringLiteral("started")].toString(), m[QStringLiteral("duration")].toString(),
                             m[QStringLiteral("error")].toString())
                         .trimmed());
    }
    if (!m_input.isEmpty())
        lines.append(QStringLiteral("input:\n") + m_input.allText());
    if (!m_output.isEmpty())
        lines.append(QStringLiteral("output:\n") + m_output.allText());
    return lines.join(u'\n');
}

} // namespace Stepscope
