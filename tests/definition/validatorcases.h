#pragma once

// The rows of tst_validator, kept out of the file moc reads (moc cannot parse some of these raw strings).

#include <QByteArray>

void addFindingRows(); ///< columns: definition, severity, message, pointer
void addHostileRows(); ///< column: definition
void addJsonataRows(); ///< columns: expression, valid
[[nodiscard]] QByteArray unknownStartAt();
