#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace Stepscope::Sql {

/// Any SQLite failure; `code` is the extended SQLite result code.
class Error : public std::runtime_error {
public:
    Error(int code, const QString& message);
    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] QString message() const { return QString::fromUtf8(what()); }

private:
    int m_code;
};

class Statement;

/// One connection (RAII over sqlite3*). Not shared between threads.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    /// Throws Error when the file cannot be opened in `mode`.
    void open(const QString& path, Mode mode);
    void close();
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    [[nodiscard]] sqlite3* handle() const { return m_db; }

    /// Runs one or more statements without results; throws on failure.
    void exec(const char* sql);
    /// Runs a query returning a single integer (first column of the first row), or `fallback` without rows.
    [[nodiscard]] qint64 scalar(const char* sql, qint64 fallback = 0);
    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    void setBusyTimeout(int milliseconds);

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement (RAII over sqlite3_stmt*). Bind indexes start at 1, column indexes at 0.
class Statement {
public:
    Statement() = default;
    Statement(Database& db, const char* sql);
    Statement(Database& db, const QByteArray& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value); ///< null QString binds NULL
    Statement& bind(int index, const QByteArray& value); ///< as text; null binds NULL
    Statement& bindBlob(int index, const QByteArray& value);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, qint64 value, qint64 nullValue) { return value == nullValue ? bindNull(index) : bind(index, value); }

    /// Advances; true while a row is available. Throws on error.
    bool step();
    /// Steps once, expecting completion (INSERT / UPDATE / DELETE), then resets.
    void run();
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray bytes(int column) const;
    /// The column's UTF-8 text without a copy; valid until the next step() or reset().
    [[nodiscard]] std::string_view view(int column) const;
    [[nodiscard]] qint64 int64Or(int column, qint64 nullValue) const { return isNull(column) ? nullValue : int64(column); }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed (exception safety).
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_open = false;
};

} // namespace Stepscope::Sql
