#include "executionidentity.h"

#include <QCryptographicHash>

namespace Stepscope {

// BLAKE2b: cryptographic like SHA-256 but several times faster in QCryptographicHash (import hashes every byte).
QByteArray contentHashHex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Blake2b_256).toHex();
}

QByteArray fallbackContentHash(const ArchivedExecution& e)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    auto add = [&hash](const QByteArray& part) {
        hash.addData(QByteArray::number(part.size()));
        hash.addData(QByteArrayView(":"));
        hash.addData(part);
    };
    // Not the ARN: an execution without a real ARN is identified by this hash, placeholders or not.
    for (const QString& s : { e.name, e.stateMachine, e.status, e.error, e.cause })
        add(s.toUtf8());
    add(QByteArray::number(e.startMs) + ' ' + QByteArray::number(e.stopMs) + ' ' + QByteArray::number(e.redriveCount));
    add(e.input);
    add(e.output);
    for (const ArchivedStateRun& r : e.runs) {
        for (const QString& s : { r.state, r.containerPath, r.status, r.error, r.cause })
            add(s.toUtf8());
        add(QByteArray::number(r.iteration) + ' ' + QByteArray::number(r.startMs) + ' '
            + QByteArray::number(r.durationMs) + ' ' + QByteArray::number(r.attempts));
        add(r.input);
        add(r.output);
    }
    return hash.result().toHex();
}

QString ArchivedExecution::identity() const
{
    if (isRealArn(arn))
        return arn;
    return QStringLiteral("blake2b:") + QString::fromLatin1(contentHash.isEmpty() ? fallbackContentHash(*this) : contentHash);
}

bool isRealArn(const QString& arn)
{
    if (!arn.startsWith(QLatin1String("arn:")))
        return false;
    for (const QChar c : arn) {
        if (c == u'<' || c == u'>' || c == u'{' || c == u'}' || c.isSpace())
            return false;
    }
    return true;
}

} // namespace Stepscope
