#include "timefilter.h"

#include "archivetypes.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace Stepscope {

qint64 parseTimeFilter(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression relative(QStringLiteral("^(\\d+)\\s*(s|m|h|d|w)$"));
    if (const auto match = relative.match(t); match.hasMatch()) {
        const qint64 n = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : unit == u'd' ? 86400 : 604800;
        return QDateTime::currentMSecsSinceEpoch() - n * seconds * 1000;
    }
    bool isNumber = false;
    const qint64 number = t.toLongLong(&isNumber);
    if (isNumber)
        return number > 100000000000LL ? number : number * 1000; // ms after 1973, else seconds
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(t, Qt::ISODate);
        if (!date.isValid())
            return NoTime;
        time = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    } else if (time.timeSpec() == Qt::LocalTime && !t.endsWith(u'Z') && !t.contains(QRegularExpression(QStringLiteral("[+-]\\d\\d:?\\d\\d$")))) {
        time.setTimeZone(QTimeZone::utc()); // no zone written: UTC, like the AWS console
    }
    return time.toMSecsSinceEpoch();
}

} // namespace Stepscope
