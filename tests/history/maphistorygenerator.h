#pragma once

#include <QByteArray>
#include <QSet>

#include <string>

// Writes large get-execution-history pages for tests and the benchmark: a Map "ProcessOrders" whose iterations run
// one Lambda task "ChargeCard", with events interleaved as concurrent iterations write them.
namespace Stepscope::Test {

struct MapHistorySpec {
    int iterations = 1000;
    QSet<int> failing; ///< iterations whose ChargeCard fails with PaymentDeclined (the execution then fails)
    int payloadBytes = 64; ///< size of each input / output / parameters payload
    int concurrency = 5;
};

inline void appendQuotedJson(std::string& out, const std::string& json)
{
    out.push_back('"');
    for (char c : json) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

inline QByteArray generateMapHistory(const MapHistorySpec& spec)
{
    std::string out;
    out.reserve(size_t(spec.iterations) * size_t(spec.payloadBytes + 200) * 5 + 4096);
    long long id = 0;
    long long ms = 1741945267000LL; // 2025-03-14T09:41:07Z
    bool first = true;
    const auto timestamp = [&]() {
        ms += 3;
        const long long s = ms / 1000;
        char buffer[64];
        // Days since epoch to a date: fine for the few days the history spans.
        const long long days = s / 86400, rem = s % 86400;
        long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
        long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
        long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        y += m <= 2;
        snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", y, m, d, rem / 3600,
            (rem / 60) % 60, rem % 60, ms % 1000);
        return std::string(buffer);
    };
    const auto begin = [&](const char* type, long long previous) {
        out += first ? "\n  {" : ",\n  {";
        first = false;
        ++id;
        out += "\"timestamp\":\"" + timestamp() + "\",\"type\":\"" + type + "\",\"id\":" + std::to_string(id)
            + ",\"previousEventId\":" + std::to_string(previous);
        return id;
    };
    const auto payload = [&](int index, const char* what) {
        std::string json = "{\"orderId\":\"ORD-42\",\"line\":" + std::to_string(index) + ",\"what\":\"" + what
            + "\",\"blob\":\"";
        const size_t target = size_t(std::max(spec.payloadBytes, 64));
        while (json.size() + 2 < target)
            json.push_back(char('a' + (json.size() * 7 + size_t(index)) % 26));
        json += "\"}";
        return json;
    };
    const auto state = [&](const char* key, const char* name, const std::string& field, const std::string& json) {
        out += std::string(",\"") + key + "\":{\"name\":\"" + name + "\",\"" + field + "\":";
        appendQuotedJson(out, json);
        out += ",\"" + field + "Details\":{\"truncated\":false}}}";
    };

    out += "{\"events\":[";
    long long last = begin("ExecutionStarted", 0);
    out += ",\"executionStartedEventDetails\":{\"input\":\"{\\\"orderId\\\":\\\"ORD-42\\\"}\",\"inputDetails\":"
           "{\"truncated\":false},\"roleArn\":\"arn:aws:iam::123456789012:role/StepFunctions\"}}";
    last = begin("MapStateEntered", last);
    out += ",\"stateEnteredEventDetails\":{\"name\":\"ProcessOrders\",\"input\":\"{}\",\"inputDetails\":{\"truncated\":"
           "false}}}";
    const long long mapStarted = begin("MapStateStarted", last);
    out += ",\"mapStateStartedEventDetails\":{\"length\":" + std::to_string(spec.iterations) + "}}";

    long long firstFailure = -1;
    long long lastIterationEnd = mapStarted;
    const int concurrency = std::max(spec.concurrency, 1);
    for (int batch = 0; batch < spec.iterations; batch += concurrency) {
        const int count = std::min(concurrency, spec.iterations - batch);
        std::vector<long long> previous(size_t(count), mapStarted);
        for (int step = 0; step < 7; ++step) {
            for (int k = 0; k < count; ++k) {
                const int index = batch + k;
                const bool fails = spec.failing.contains(index);
                long long& prev = previous[size_t(k)];
                const std::string iterationDetails
                    = "{\"name\":\"ProcessOrders\",\"index\":" + std::to_string(index) + "}}";
                switch (step) {
                case 0:
                    prev = begin("MapIterationStarted", mapStarted);
                    out += ",\"mapIterationStartedEventDetails\":" + iterationDetails;
                    break;
                case 1:
                    prev = begin("TaskStateEntered", prev);
                    state("stateEnteredEventDetails", "ChargeCard", "input", payload(index, "input"));
                    break;
                case 2: {
                    prev = begin("TaskScheduled", prev);
                    out += ",\"taskScheduledEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                           "\"region\":\"eu-west-1\",\"parameters\":";
                    appendQuotedJson(out, payload(index, "parameters"));
                    out += "}}";
                    break;
                }
                case 3:
                    prev = begin("TaskStarted", prev);
                    out += ",\"taskStartedEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\"}}";
                    break;
                case 4:
                    if (fails) {
                        prev = begin("TaskFailed", prev);
                        out += ",\"taskFailedEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                               "\"error\":\"PaymentDeclined\",\"cause\":";
                        appendQuotedJson(out, "{\"errorType\":\"PaymentDeclined\",\"errorMessage\":\"Card declined for "
                                              "line "
                                + std::to_string(index) + "\",\"stackTrace\":[\"charge.py:88\"]}");
                        out += "}}";
                        if (firstFailure < 0)
                            firstFailure = prev;
                    } else {
                        prev = begin("TaskSucceeded", prev);
                        out += ",\"taskSucceededEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                               "\"output\":";
                        appendQuotedJson(out, payload(index, "output"));
                        out += ",\"outputDetails\":{\"truncated\":false}}}";
                    }
                    break;
                case 5:
                    if (!fails) {
                        prev = begin("TaskStateExited", prev);
                        state("stateExitedEventDetails", "ChargeCard", "output", payload(index, "output"));
                    }
                    break;
                case 6:
                    prev = begin(fails ? "MapIterationFailed" : "MapIterationSucceeded", prev);
                    out += std::string(",\"") + (fails ? "mapIterationFailedEventDetails" : "mapIterationSucceededEventDetails")
                        + "\":" + iterationDetails;
                    lastIterationEnd = prev;
                    break;
                }
            }
        }
    }
    if (!spec.failing.isEmpty()) {
        const long long failed = begin("MapStateFailed", lastIterationEnd);
        out += "}";
        const long long end = begin("ExecutionFailed", failed);
        out += ",\"executionFailedEventDetails\":{\"error\":\"PaymentDeclined\",\"cause\":\"Card declined\"}}";
        (void)end;
    } else {
        last = begin("MapStateSucceeded", lastIterationEnd);
        out += "}";
        last = begin("MapStateExited", last);
        out += ",\"stateExitedEventDetails\":{\"name\":\"ProcessOrders\",\"output\":\"[]\",\"outputDetails\":{"
               "\"truncated\":false}}}";
        last = begin("ExecutionSucceeded", last);
        out += ",\"executionSucceededEventDetails\":{\"output\":\"[]\",\"outputDetails\":{\"truncated\":false}}}";
    }
    (void)firstFailure;
    out += "\n]}\n";
    return QByteArray::fromStdString(out);
}

/// Events a Map history of `iterations` iterations has (for sizing the benchmark's history).
inline int mapHistoryEventCount(int iterations, int failing)
{
    return 3 + iterations * 7 - failing + (failing > 0 ? 2 : 3);
}

} // namespace Stepscope::Test
