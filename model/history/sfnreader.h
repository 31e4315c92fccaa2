#pragma once

#include "execution.h"

#include <memory>

namespace simdjson {
struct padded_string;
}

// Step Functions readers (internal): get-execution-history pages, describe-execution / start-sync-execution
// summaries, CloudWatch log events (JSON lines, arrays, filter-log-events exports).
namespace Stepscope::Sfn {

/// describe-execution / start-sync-execution output.
struct DescribedExecution {
    bool present = false;
    bool sync = false; ///< start-sync-execution (billingDetails, express ARN)
    QString arn;
    QString name;
    QString stateMachineArn;
    QString status;
    QDateTime start;
    QDateTime stop;
    QDateTime redriveDate;
    int redriveCount = -1;
    Payload input;
    Payload output;
    QString error;
    Payload cause;
};

/// Everything read from one file, before reconstruction.
struct RawHistory {
    std::vector<HistoryEvent> events; ///< in file order
    DescribedExecution summary;
    int pages = 0; ///< get-execution-history pages
    int logEvents = 0; ///< CloudWatch log events (JSON lines / arrays)
    int logExportEvents = 0; ///< events[].message wrappers
    int documents = 0;
    bool sawNextToken = false;
    Diagnostics diagnostics;
};

/// Reads every top-level JSON value of `buffer` (one document, concatenated documents or JSON lines).
void readBuffer(const std::shared_ptr<simdjson::padded_string>& buffer, const QString& file, RawHistory& raw);

/// Turns the raw read into an execution: order, log grouping, summary merge, then reconstruction.
HistoryReadResult buildResult(RawHistory&& raw, const QString& file, const HistoryReadOptions& options);

/// A cut-short file closed after its last complete element, or nullptr when nothing can be saved.
std::shared_ptr<simdjson::padded_string> salvageTruncated(const simdjson::padded_string& buffer);

/// "line L, column C" of a byte offset.
[[nodiscard]] SourcePos positionOf(const char* begin, size_t offset);

} // namespace Stepscope::Sfn

namespace Stepscope::Sfn {
/// Execution ARNs of log events, in order of first appearance.
[[nodiscard]] QStringList executionArnsOf(const std::vector<HistoryEvent>& events);
/// Keeps the events of one execution of a log export (`wanted`, default the first); returns its ARN.
QString selectLogExecution(std::vector<HistoryEvent>& events, const QString& wanted, const QString& file,
                           Diagnostics& diagnostics);
/// Marks logs that hold only some events (levels ERROR / FATAL) and says what is missing.
void notePartialLog(Execution& execution, const QString& file, Diagnostics& diagnostics);
} // namespace Stepscope::Sfn
