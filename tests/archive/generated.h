#pragma once

#include "archive/archivetypes.h"

#include <QString>

// Executions generated for the archive tests: a fixed shape with known statuses, errors, durations and payloads.
namespace Stepscope::Test {

/// Execution `n` of state machine `machine`: Validate → Charge (Parallel branch: Fanout/0/Charge) → Ship.
/// Every 4th execution fails in Charge with PaymentDeclined (cause mentions "card"), every 5th is caught in
/// Ship with ShipTimeout; the others succeed. Durations: Validate 10 ms, Charge 100 + n ms, Ship 50 ms.
inline ArchivedExecution generatedExecution(int n, const QString& machine = QStringLiteral("Orders"))
{
    ArchivedExecution e;
    e.name = QStringLiteral("exec-%1").arg(n);
    e.arn = QStringLiteral("arn:aws:states:eu-west-1:123456789012:execution:%1:%2").arg(machine, e.name);
    e.stateMachine = machine;
    e.startMs = 1700000000000LL + qint64(n) * 60000;
    const bool fails = n % 4 == 3;
    const bool caught = !fails && n % 5 == 4;
    e.input = QStringLiteral(R"({"orderId":"order-%1","customer":"customer%2","amount":%3})")
                  .arg(n)
                  .arg(n % 7)
                  .arg(10 + n)
                  .toUtf8();
    ArchivedStateRun validate;
    validate.state = QStringLiteral("Validate");
    validate.status = QStringLiteral("SUCCEEDED");
    validate.startMs = e.startMs;
    validate.durationMs = 10;
    validate.input = e.input;
    validate.output = e.input;
    e.runs.append(validate);
    ArchivedStateRun charge;
    charge.state = QStringLiteral("Charge");
    charge.containerPath = QStringLiteral("Fanout/0");
    charge.startMs = e.startMs + 10;
    charge.durationMs = 100 + n;
    charge.input = e.input;
    if (fails) {
        charge.status = QStringLiteral("FAILED");
        charge.error = QStringLiteral("PaymentDeclined");
        charge.cause = QStringLiteral(R"({"errorMessage":"card expired for order-%1"})").arg(n);
        charge.attempts = 3;
        e.runs.append(charge);
        e.status = QStringLiteral("FAILED");
        e.error = charge.error;
        e.cause = charge.cause;
        e.rootCauseState = charge.state;
        e.rootCausePath = QStringLiteral("Fanout[Branch 1] › Charge");
        e.stopMs = charge.startMs + charge.durationMs;
        return e;
    }
    charge.status = QStringLiteral("SUCCEEDED");
    charge.output = QStringLiteral(R"({"orderId":"order-%1","charged":true,"receipt":"r%1"})").arg(n).toUtf8();
    e.runs.append(charge);
    ArchivedStateRun ship;
    ship.state = QStringLiteral("Ship");
    ship.startMs = charge.startMs + charge.durationMs;
    ship.durationMs = 50;
    ship.input = charge.output;
    if (caught) {
        ship.status = QStringLiteral("CAUGHT");
        ship.error = QStringLiteral("ShipTimeout");
        ship.cause = QStringLiteral("carrier did not answer");
    } else {
        ship.status = QStringLiteral("SUCCEEDED");
        ship.output = QStringLiteral(R"({"shipped":true,"tracking":"T%1"})").arg(n).toUtf8();
    }
    e.runs.append(ship);
    e.status = QStringLiteral("SUCCEEDED");
    e.output = ship.output.isNull() ? QByteArray(R"({"shipped":false})") : ship.output;
    e.stopMs = ship.startMs + ship.durationMs;
    return e;
}

} // namespace Stepscope::Test
