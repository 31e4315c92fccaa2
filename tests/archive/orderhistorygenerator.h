#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// get-execution-history files generated for the archive tests and benchmark: ~30 events per execution, payloads
// encoded as JSON strings the way AWS writes them, with known outcomes:
//   n % 4 == 3: Charge fails with PaymentDeclined after one retry (cause mentions "card declined"), execution FAILED
//   otherwise:  Validate, Enrich, Charge, Route (Choice), Pause (Wait), Ship, Notify, Done: SUCCEEDED
// Every payload holds "order-<n>" and "customer<n % 50>".
namespace Stepscope::Test {

namespace Detail {

inline QByteArray quoted(const QByteArray& json)
{
    QByteArray out = "\"";
    for (const char c : json) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace Detail

inline QByteArray generatedHistory(int n)
{
    using Detail::quoted;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1735689600000LL + qint64(n) * 1000, Qt::UTC);
    qint64 clock = 0;
    int id = 0;
    QByteArray events;
    auto event = [&](const char* type, const QByteArray& detailsKey, const QByteArray& details, qint64 advanceMs) {
        clock += advanceMs;
        const QByteArray stamp = start.addMSecs(clock).toString(Qt::ISODateWithMs).toUtf8();
        if (id > 0)
            events += ",\n";
        events += "    {\"timestamp\": \"" + stamp + "\", \"type\": \"" + type + "\", \"id\": " + QByteArray::number(id + 1)
            + ", \"previousEventId\": " + QByteArray::number(id);
        if (!detailsKey.isEmpty())
            events += ", \"" + detailsKey + "\": {" + details + "}";
        events += "}";
        ++id;
    };
    const QByteArray order = "order-" + QByteArray::number(n);
    const QByteArray input = "{\"orderId\":\"" + order + "\",\"customer\":\"customer" + QByteArray::number(n % 50)
        + "\",\"items\":[{\"sku\":\"sku-" + QByteArray::number(n % 17) + "\",\"quantity\":" + QByteArray::number(1 + n % 3)
        + "},{\"sku\":\"sku-" + QByteArray::number(n % 23) + "\",\"quantity\":1}],\"amount\":" + QByteArray::number(10 + n % 90)
        + ".5,\"currency\":\"EUR\",\"note\":\"generated for the archive benchmark\"}";
    auto payload = [&](const char* step) {
        return "{\"orderId\":\"" + order + "\",\"customer\":\"customer" + QByteArray::number(n % 50) + "\",\"step\":\"" + step
            + "\",\"amount\":" + QByteArray::number(10 + n % 90) + ".5,\"ok\":true}";
    };
    auto entered = [&](const char* type, const char* name, const QByteArray& in) {
        event(type, "stateEnteredEventDetails",
            "\"name\": \"" + QByteArray(name) + "\", \"input\": " + quoted(in) + ", \"inputDetails\": {\"truncated\": false}", 3);
    };
    auto exited = [&](const char* type, const char* name, const QByteArray& out, qint64 ms) {
        event(type, "stateExitedEventDetails",
            "\"name\": \"" + QByteArray(name) + "\", \"output\": " + quoted(out) + ", \"outputDetails\": {\"truncated\": false}", ms);
    };
    auto lambda = [&](const char* name, const QByteArray& in, const QByteArray& out, qint64 ms) {
        entered("TaskStateEntered", name, in);
        event("TaskScheduled", "taskScheduledEventDetails",
            "\"resourceType\": \"lambda\", \"resource\": \"invoke\", \"region\": \"eu-west-1\", \"parameters\": "
                + quoted("{\"FunctionName\":\"" + QByteArray(name) + "\",\"Payload\":" + in + "}"),
            2);
        event("TaskStarted", "taskStartedEventDetails", "\"resourceType\": \"lambda\", \"resource\": \"invoke\"", 5);
        event("TaskSucceeded", "taskSucceededEventDetails",
            "\"resourceType\": \"lambda\", \"resource\": \"invoke\", \"output\": " + quoted(out)
                + ", \"outputDetails\": {\"truncated\": false}",
            ms);
        exited("TaskStateExited", name, out, 1);
    };

    event("ExecutionStarted", "executionStartedEventDetails",
        "\"input\": " + quoted(input)
            + ", \"inputDetails\": {\"truncated\": false}, \"roleArn\": \"arn:aws:iam::123456789012:role/orders\"",
        0);
    entered("PassStateEntered", "Validate", input);
    exited("PassStateExited", "Validate", input, 1);
    lambda("Enrich", input, payload("enriched"), 20 + n % 30);
    if (n % 4 == 3) {
        entered("TaskStateEntered", "Charge", payload("enriched"));
        const QByteArray cause = "{\"errorType\":\"PaymentDeclined\",\"errorMessage\":\"card declined for " + order
            + "\",\"trace\":[\"charge.py line 12\"]}";
        for (int attempt = 0; attempt < 2; ++attempt) {
            event("TaskScheduled", "taskScheduledEventDetails",
                "\"resourceType\": \"lambda\", \"resource\": \"invoke\", \"region\": \"eu-west-1\", \"parameters\": "
                    + quoted("{\"FunctionName\":\"Charge\"}"),
                attempt ? 1000 : 2);
            event("TaskStarted", "taskStartedEventDetails", "\"resourceType\": \"lambda\", \"resource\": \"invoke\"", 5);
            event("TaskFailed", "taskFailedEventDetails",
                "\"resourceType\": \"lambda\", \"resource\": \"invoke\", \"error\": \"PaymentDeclined\", \"cause\": "
                    + quoted(cause),
                80 + n % 40);
        }
        event("ExecutionFailed", "executionFailedEventDetails",
            "\"error\": \"PaymentDeclined\", \"cause\": " + quoted(cause), 1);
    } else {
        lambda("Charge", payload("enriched"), payload("charged"), 80 + n % 40);
        entered("ChoiceStateEntered", "Route", payload("charged"));
        exited("ChoiceStateExited", "Route", payload("charged"), 1);
        entered("WaitStateEntered", "Pause", payload("charged"));
        exited("WaitStateExited", "Pause", payload("charged"), 1000);
        lambda("Ship", payload("charged"), payload("shipped"), 40 + n % 20);
        lambda("Notify", payload("shipped"), payload("notified"), 10);
        entered("SucceedStateEntered", "Done", payload("notified"));
        exited("SucceedStateExited", "Done", payload("notified"), 1);
        event("ExecutionSucceeded", "executionSucceededEventDetails",
            "\"output\": " + quoted(payload("notified")) + ", \"outputDetails\": {\"truncated\": false}", 1);
    }
    return "{\n  \"events\": [\n" + events + "\n  ]\n}\n";
}

} // namespace Stepscope::Test
