#pragma once

#include <QDateTime>

#include <string_view>

// Timestamps as histories write them: ISO 8601 with or without a zone, epoch seconds or milliseconds.
namespace Stepscope::HistoryTime {

/// ISO 8601 ("2024-11-18T14:06:54.574000+01:00", "...Z", no zone = UTC) or digits (epoch ms / seconds).
/// Invalid for anything else (LocalStack's "timestamp" placeholders).
[[nodiscard]] QDateTime parseText(std::string_view text);
/// A number: epoch seconds with a fraction (AWS CLI v1) or epoch milliseconds (CloudWatch).
[[nodiscard]] QDateTime fromNumber(double value);
/// ISO 8601 with milliseconds, in the timestamp's own offset ("2024-11-18T14:06:54.574+01:00").
[[nodiscard]] QString format(const QDateTime& time);

} // namespace Stepscope::HistoryTime
