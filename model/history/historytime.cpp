#include "historytime.h"

#include <cmath>

namespace Stepscope::HistoryTime {

namespace {
bool digits(std::string_view text, size_t pos, size_t count, int& value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

QDateTime fromEpochMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
}

QDateTime fromNumber(double value)
{
    if (!std::isfinite(value) || value < 0)
        return {};
    // Anything past year 5138 in seconds is milliseconds: CloudWatch writes epoch ms.
    if (value > 1e11)
        return fromEpochMs(qint64(std::llround(value)));
    return fromEpochMs(qint64(std::llround(value * 1000.0)));
}

// Hand-written because QDateTime::fromString is slow for 25,000 events and rejects microseconds with offsets.
QDateTime parseText(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return {};
    bool allDigits = true;
    bool digitsAndDot = true;
    for (char c : text) {
        allDigits = allDigits && c >= '0' && c <= '9';
        digitsAndDot = digitsAndDot && ((c >= '0' && c <= '9') || c == '.');
    }
    if (allDigits && text.size() <= 18)
        return fromNumber(double(std::stoll(std::string(text))));
    if (digitsAndDot)
        return fromNumber(std::atof(std::string(text).c_str()));

    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month)
        || text[7] != '-' || !digits(text, 8, 2, day))
        return {};
    size_t pos = 10;
    int msec = 0;
    if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
        if (!digits(text, pos + 1, 2, hour) || text.size() < pos + 6 || text[pos + 3] != ':'
            || !digits(text, pos + 4, 2, minute))
            return {};
        pos += 6;
        if (pos < text.size() && text[pos] == ':') {
            if (!digits(text, pos + 1, 2, second))
                return {};
            pos += 3;
        }
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            int scale = 100;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                msec += (text[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
        }
    }
    int offsetSeconds = 0;
    bool hasOffset = false;
    if (pos < text.size()) {
        const char z = text[pos];
        if ((z == 'Z' || z == 'z') && pos + 1 == text.size()) {
            hasOffset = true;
        } else if (z == '+' || z == '-') {
            int oh = 0, om = 0;
            if (!digits(text, pos + 1, 2, oh))
                return {};
            size_t next = pos + 3;
            if (next < text.size() && text[next] == ':')
                ++next;
            if (next < text.size() && !digits(text, next, 2, om))
                return {};
            if (next < text.size() && next + 2 != text.size())
                return {};
            offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
            hasOffset = offsetSeconds != 0;
        } else {
            return {};
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, std::min(second, 59), msec);
    if (!date.isValid() || !time.isValid())
        return {};
    if (hasOffset && offsetSeconds != 0)
        return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
    return QDateTime(date, time, Qt::UTC);
}

QString format(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return time.toString(Qt::ISODateWithMs);
}

} // namespace Stepscope::HistoryTime
