#include "sfnreader.h"

#include "historytime.h"

#include <simdjson.h>

#include <QSet>

// simdjson On-Demand: one pass over the file, payloads kept as slices of it (GUIDE §6: 4x faster than Python).
namespace Stepscope::Sfn {

namespace od = simdjson::ondemand;

SourcePos positionOf(const char* begin, size_t offset)
{
    SourcePos pos { 1, 1 };
    for (size_t i = 0; i < offset; ++i) {
        if (begin[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(begin[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

namespace {

std::string_view trimToken(std::string_view token)
{
    while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
        token.remove_suffix(1);
    return token;
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// One JSON object that may be an event, a log event wrapper, a page or an execution summary.
struct ObjectFields {
    HistoryEvent event;
    bool hasEventKeys = false;
    bool hasType = false;
    bool isLogShape = false; ///< CloudWatch keys (details, previous_event_id, event_timestamp, ...)
    std::string message; ///< events[].message of a log export, unescaped
    bool hasMessage = false;
    DescribedExecution summary;
    bool hasSummaryKeys = false;
    bool inputTruncated = false;
    bool outputTruncated = false;
};

class Walker {
public:
    Walker(std::shared_ptr<const void> owner, const char* begin, const QString& file, RawHistory& raw)
        : m_owner(std::move(owner))
        , m_begin(begin)
        , m_file(file)
        , m_raw(raw)
    {
    }

    void readDocument(od::document_reference doc)
    {
        m_doc = &doc;
        const od::json_type type = doc.type();
        if (type == od::json_type::array) {
            for (od::value element : doc.get_array())
                readTopValue(element, true);
        } else if (type == od::json_type::object) {
            od::object object = doc.get_object();
            readTopObject(object);
        } else {
            warn(QStringLiteral("a top-level value that is not an object or an array was skipped"), location());
        }
    }

    [[nodiscard]] size_t location() const
    {
        const char* at = nullptr;
        if (m_doc && m_doc->current_location().get(at) == simdjson::SUCCESS && at >= m_begin)
            return size_t(at - m_begin);
        return 0;
    }

    void warn(const QString& message, size_t offset, Severity severity = Severity::Warning)
    {
        m_raw.diagnostics.append({ severity, message, {}, positionOf(m_begin, offset), m_file });
    }

private:
    Payload slice(std::string_view text, Payload::Encoding encoding) const
    {
        return Payload(m_owner, text.data(), qsizetype(text.size()), encoding);
    }

    void readTopValue(od::value value, bool inArray)
    {
        if (value.type() != od::json_type::object) {
            warn(QStringLiteral("an array element that is not an object was skipped"), location());
            return;
        }
        od::object object = value.get_object();
        readTopObject(object);
        (void)inArray;
    }

    // A top-level object: a page, a JSON-lines log event, a summary, or a page wrapper of log events.
    void readTopObject(od::object& object)
    {
        ObjectFields fields;
        fields.event.sourceOffset = qint64(location());
        bool sawEvents = false;
        for (od::field field : object) {
            const std::string_view key = field.unescaped_key();
            od::value value = field.value();
            if (key == "events") {
                sawEvents = true;
                readEventsArray(value);
            } else if (key == "nextToken") {
                m_raw.sawNextToken = value.type() == od::json_type::string;
            } else if (!readEventKey(key, value, fields) && !readSummaryKey(key, value, fields)) {
            }
        }
        ++m_raw.documents;
        if (sawEvents) {
            ++m_raw.pages;
            return;
        }
        if (fields.hasType) {
            finishEvent(fields);
            ++m_raw.logEvents;
            m_raw.events.push_back(std::move(fields.event));
            return;
        }
        if (fields.hasSummaryKeys) {
            if (m_raw.summary.present)
                warn(QStringLiteral("a second execution summary was found; the last one is used"), size_t(fields.event.sourceOffset));
            m_raw.summary = std::move(fields.summary);
            m_raw.summary.present = true;
            return;
        }
        warn(QStringLiteral("an object that is neither an execution history, a log event nor an execution summary "
                            "was skipped"),
            size_t(fields.event.sourceOffset));
    }

    void readEventsArray(od::value value)
    {
        if (value.type() != od::json_type::array) {
            warn(QStringLiteral("\"events\" is not an array"), location());
            return;
        }
        for (od::value element : value.get_array()) {
            const size_t offset = location();
            if (element.type() != od::json_type::object) {
                warn(QStringLiteral("an event that is not an object was skipped"), offset);
                continue;
            }
            ObjectFields fields;
            fields.event.sourceOffset = qint64(offset);
            od::object object = element.get_object();
            for (od::field field : object) {
                const std::string_view key = field.unescaped_key();
                od::value member = field.value();
                if (key == "message" && member.type() == od::json_type::string) {
                    const std::string_view text = member.get_string();
                    fields.message.assign(text.data(), text.size());
                    fields.hasMessage = true;
                } else if (!readEventKey(key, member, fields)) {
                }
            }
            if (fields.hasType) {
                finishEvent(fields);
                m_raw.events.push_back(std::move(fields.event));
            } else if (fields.hasMessage) {
                readLogMessage(fields.message, offset, fields.event.timestamp);
            } else {
                warn(QStringLiteral("an event without a type was skipped"), offset);
            }
        }
    }

    // filter-log-events / get-log-events: each message holds one log event as JSON text.
    void readLogMessage(const std::string& message, size_t offset, const QDateTime& logTime)
    {
        auto buffer = std::make_shared<simdjson::padded_string>(message);
        try {
            od::document doc = m_messageParser.iterate(*buffer);
            if (doc.type() != od::json_type::object) {
                warn(QStringLiteral("a log message that is not a JSON object was skipped"), offset);
                return;
            }
            Walker inner(buffer, buffer->data(), m_file, m_raw);
            od::document_reference reference(doc);
            inner.m_doc = &reference;
            ObjectFields fields;
            fields.event.sourceOffset = qint64(offset);
            od::object object = doc.get_object();
            for (od::field field : object) {
                const std::string_view key = field.unescaped_key();
                od::value value = field.value();
                inner.readEventKey(key, value, fields);
            }
            if (!fields.hasType) {
                warn(QStringLiteral("a log message without an event type was skipped"), offset);
                return;
            }
            inner.finishEvent(fields);
            fields.event.sourceOffset = qint64(offset);
            // LocalStack's placeholders (or no time at all): CloudWatch's own ingestion timestamp stands in.
            if (!fields.event.timestamp.isValid() && logTime.isValid())
                fields.event.timestamp = logTime;
            ++m_raw.logExportEvents;
            m_raw.events.push_back(std::move(fields.event));
        } catch (const simdjson::simdjson_error& error) {
            warn(QStringLiteral("a log message is not valid JSON (%1) and was skipped")
                     .arg(QString::fromUtf8(simdjson::error_message(error.error()))),
                offset);
        }
    }

    static qint64 readId(od::value value, bool& wasList)
    {
        switch (value.type()) {
        case od::json_type::number: {
            double d = 0;
            if (value.get_number_type() == od::number_type::floating_point_number) {
                d = value.get_double();
                return qint64(d);
            }
            int64_t i = 0;
            if (value.get_int64().get(i) == simdjson::SUCCESS)
                return i;
            return -1;
        }
        case od::json_type::string: {
            const std::string_view text = value.get_string();
            bool ok = false;
            const qint64 id = QByteArray(text.data(), qsizetype(text.size())).trimmed().toLongLong(&ok);
            return ok ? id : -1;
        }
        case od::json_type::array: {
            // LocalStack's snapshots write "id": [0] for events inside Parallel branches: no usable id.
            wasList = true;
            return -1;
        }
        default:
            return -1;
        }
    }

    static int readInt(od::value value)
    {
        bool list = false;
        const qint64 v = readId(value, list);
        return v < INT_MIN || v > INT_MAX ? -1 : int(v);
    }

    void readTimestamp(od::value value, HistoryEvent& event)
    {
        if (value.type() == od::json_type::number) {
            event.timestamp = HistoryTime::fromNumber(double(value.get_double()));
            if (!event.timestamp.isValid())
                event.timestampText = toQString(trimToken(value.raw_json_token()));
        } else if (value.type() == od::json_type::string) {
            const std::string_view text = value.get_string();
            event.timestamp = HistoryTime::parseText(text);
            if (!event.timestamp.isValid())
                event.timestampText = toQString(text);
        } else {
        }
    }

    static QDateTime readDate(od::value value)
    {
        if (value.type() == od::json_type::number)
            return HistoryTime::fromNumber(double(value.get_double()));
        if (value.type() == od::json_type::string)
            return HistoryTime::parseText(value.get_string());
        return {};
    }

    Payload readPayload(od::value value)
    {
        switch (value.type()) {
        case od::json_type::string:
            return slice(trimToken(value.raw_json_token()), Payload::Encoding::StringLiteral);
        case od::json_type::object:
            return slice(od::object(value.get_object()).raw_json(), Payload::Encoding::Raw);
        case od::json_type::array:
            return slice(od::array(value.get_array()).raw_json(), Payload::Encoding::Raw);
        default: {
            const std::string_view token = trimToken(value.raw_json_token());
            return slice(token, Payload::Encoding::Raw);
        }
        }
    }

    static QString readText(od::value value)
    {
        if (value.type() == od::json_type::string)
            return toQString(value.get_string());
        if (value.type() == od::json_type::null) {
            return {};
        }
        // Numbers and objects where a string is expected: keep them as written.
        if (value.type() == od::json_type::object)
            return toQString(od::object(value.get_object()).raw_json());
        if (value.type() == od::json_type::array)
            return toQString(od::array(value.get_array()).raw_json());
        const std::string_view token = trimToken(value.raw_json_token());
        return toQString(token);
    }

    static bool readTruncated(od::value value)
    {
        if (value.type() != od::json_type::object) {
            return false;
        }
        bool truncated = false;
        for (od::field field : value.get_object()) {
            const std::string_view key = field.unescaped_key();
            od::value member = field.value();
            if (key == "truncated") {
                if (member.type() == od::json_type::boolean)
                    truncated = member.get_bool();
                else if (member.type() == od::json_type::string) // "false" in some snapshots
                    truncated = member.get_string().value() == "true";
            }
        }
        return truncated;
    }

    bool readEventKey(std::string_view key, od::value& value, ObjectFields& fields)
    {
        HistoryEvent& event = fields.event;
        if (key == "type") {
            fields.hasType = true;
            fields.hasEventKeys = true;
            const QString name = readText(value);
            event.typeName = name;
            event.type = historyEventTypeFromName(name);
        } else if (key == "id") {
            fields.hasEventKeys = true;
            event.id = readId(value, event.idWasList);
        } else if (key == "previousEventId" || key == "previous_event_id") {
            bool list = false;
            event.previousId = readId(value, list);
            fields.isLogShape = fields.isLogShape || key == "previous_event_id";
        } else if (key == "timestamp" || key == "event_timestamp") {
            readTimestamp(value, event);
        } else if (key == "execution_arn") {
            fields.isLogShape = true;
            event.executionArn = readText(value);
        } else if (key == "redrive_count") {
            event.redriveCount = readInt(value);
        } else if (key == "details" || (key.size() > 12 && endsWith(key, "EventDetails"))) {
            readDetails(key, value, fields);
        } else {
            return false;
        }
        return true;
    }

    void readDetails(std::string_view key, od::value& value, ObjectFields& fields)
    {
        HistoryEvent& event = fields.event;
        if (value.type() != od::json_type::object) {
            return;
        }
        event.detailsKey = toQString(key);
        const char* start = value.raw_json_token().data();
        od::object object = value.get_object();
        for (od::field field : object) {
            const std::string_view name = field.unescaped_key();
            od::value member = field.value();
            if (name == "name") {
                event.stateName = readText(member);
            } else if (name == "input") {
                event.input = readPayload(member);
            } else if (name == "output") {
                event.output = readPayload(member);
            } else if (name == "parameters") {
                event.parameters = readPayload(member);
            } else if (name == "error") {
                event.error = readText(member);
            } else if (name == "cause") {
                event.cause = readPayload(member);
            } else if (name == "resource") {
                event.resource = readText(member);
            } else if (name == "resourceType") {
                event.resourceType = readText(member);
            } else if (name == "index") {
                event.iterationIndex = readInt(member);
            } else if (name == "length") {
                event.mapLength = readInt(member);
            } else if (name == "location") {
                event.location = readText(member);
            } else if (name == "state") {
                if (event.stateName.isEmpty())
                    event.stateName = readText(member);
            } else if (name == "mapRunArn") {
                event.mapRunArn = readText(member);
            } else if (name == "timeoutInSeconds") {
                event.timeoutSeconds = readInt(member);
            } else if (name == "heartbeatInSeconds") {
                event.heartbeatSeconds = readInt(member);
            } else if (name == "assignedVariables") {
                event.assignedVariables = readPayload(member);
            } else if (name == "inputDetails") {
                fields.inputTruncated = readTruncated(member);
            } else if (name == "outputDetails") {
                fields.outputTruncated = readTruncated(member);
            } else {
            }
        }
        // The details object ends just before the next token of the event.
        const char* end = nullptr;
        if (m_doc && m_doc->current_location().get(end) == simdjson::SUCCESS && end > start) {
            while (end > start && end[-1] != '}')
                --end;
            event.details = slice(std::string_view(start, size_t(end - start)), Payload::Encoding::Raw);
        }
    }

    void finishEvent(ObjectFields& fields)
    {
        fields.event.input.truncated = fields.inputTruncated;
        fields.event.output.truncated = fields.outputTruncated;
        if (fields.event.type == HistoryEventType::Unknown && !fields.event.typeName.isEmpty())
            m_unknownTypes.insert(fields.event.typeName);
    }

    bool readSummaryKey(std::string_view key, od::value& value, ObjectFields& fields)
    {
        DescribedExecution& s = fields.summary;
        if (key == "executionArn") {
            s.arn = readText(value);
            s.sync = s.sync || s.arn.contains(QLatin1String(":express:"));
        } else if (key == "name") {
            s.name = readText(value);
        } else if (key == "stateMachineArn") {
            s.stateMachineArn = readText(value);
        } else if (key == "status") {
            s.status = readText(value);
        } else if (key == "startDate") {
            s.start = readDate(value);
        } else if (key == "stopDate") {
            s.stop = readDate(value);
        } else if (key == "redriveDate") {
            s.redriveDate = readDate(value);
        } else if (key == "redriveCount") {
            s.redriveCount = readInt(value);
        } else if (key == "input") {
            s.input = readPayload(value);
        } else if (key == "output") {
            s.output = value.type() == od::json_type::null ? Payload() : readPayload(value);
        } else if (key == "error") {
            s.error = readText(value);
        } else if (key == "cause") {
            s.cause = value.type() == od::json_type::null ? Payload() : readPayload(value);
        } else if (key == "billingDetails") {
            s.sync = true;
        } else {
            return false;
        }
        fields.hasSummaryKeys = true;
        return true;
    }

    std::shared_ptr<const void> m_owner;
    const char* m_begin;
    QString m_file;
    RawHistory& m_raw;
    od::document_reference* m_doc = nullptr;
    od::parser m_messageParser;
    QSet<QString> m_unknownTypes;
};

QString errorText(simdjson::error_code code)
{
    switch (code) {
    case simdjson::UNCLOSED_STRING:
        return QStringLiteral("a string is not closed (the file may be cut short)");
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return QStringLiteral("an object or array is not closed (the file may be cut short)");
    case simdjson::EMPTY:
        return QStringLiteral("the file is empty");
    default:
        return QString::fromUtf8(simdjson::error_message(code));
    }
}

} // namespace

void readBuffer(const std::shared_ptr<simdjson::padded_string>& buffer, const QString& file, RawHistory& raw)
{
    const char* begin = buffer->data();
    const size_t size = buffer->size();
    od::parser parser;
    // One batch for the whole file: concatenated pages and JSON lines come out as separate documents.
    const size_t batch = std::max<size_t>(size + 64, 1 << 16);
    Walker walker(buffer, begin, file, raw);
    od::document_stream stream;
    if (auto error = parser.iterate_many(begin, size, batch).get(stream); error) {
        raw.diagnostics.append({ Severity::Error, errorText(error), {}, {}, file });
        return;
    }
    size_t lastEnd = 0;
    for (auto it = stream.begin(); it != stream.end(); ++it) {
        const size_t docStart = it.current_index();
        od::document_reference doc;
        if (auto error = (*it).get(doc); error) {
            raw.diagnostics.append({ Severity::Error, errorText(error), {}, positionOf(begin, docStart), file });
            break;
        }
        try {
            walker.readDocument(doc);
            lastEnd = docStart + it.source().size();
        } catch (const simdjson::simdjson_error& error) {
            const size_t at = std::max(walker.location(), docStart);
            raw.diagnostics.append({ Severity::Error,
                QStringLiteral("not valid JSON: %1; what came before was read").arg(errorText(error.error())), {},
                positionOf(begin, at), file });
            return;
        }
    }
    (void)lastEnd;
    if (const size_t truncated = stream.truncated_bytes(); truncated > 0 && truncated <= size) {
        size_t at = size - truncated;
        while (at < size && (begin[at] == ' ' || begin[at] == '\n' || begin[at] == '\r' || begin[at] == '\t'))
            ++at;
        if (at < size) {
            const SourcePos started = positionOf(begin, at);
            raw.diagnostics.append({ Severity::Error,
                QStringLiteral("the file ends in the middle of a JSON value that starts at line %1, column %2 (cut "
                               "short?)")
                    .arg(started.line)
                    .arg(started.column),
                {}, positionOf(begin, size), file });
        }
    }
}

} // namespace Stepscope::Sfn

namespace Stepscope::Sfn {

// A file cut short (a copy-paste that stopped, a download that failed): keep every complete event by cutting after
// the last complete element of an array near the top and closing what is still open.
std::shared_ptr<simdjson::padded_string> salvageTruncated(const simdjson::padded_string& buffer)
{
    const char* data = buffer.data();
    const size_t size = buffer.size();
    std::string stack;
    bool inString = false;
    size_t cut = 0;
    std::string cutStack;
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            stack.push_back(c);
            break;
        case '}':
        case ']':
            if (stack.empty())
                return nullptr;
            stack.pop_back();
            // An element of an array at most three levels down: an event, a page, a log event.
            if (!stack.empty() && stack.back() == '[' && stack.size() <= 3) {
                cut = i + 1;
                cutStack = stack;
            }
            break;
        default:
            break;
        }
    }
    if (stack.empty() || cut == 0)
        return nullptr;
    std::string text(data, cut);
    for (auto it = cutStack.rbegin(); it != cutStack.rend(); ++it)
        text.push_back(*it == '{' ? '}' : ']');
    return std::make_shared<simdjson::padded_string>(text);
}

} // namespace Stepscope::Sfn
