#pragma once

#include <QByteArray>

#include <array>
#include <cstddef>
#include <string_view>

namespace Stepscope::Sql {

/// The columns of a SELECT or an INSERT, written once: the list writes that part of the SQL text and gives each
/// column its index, so that a column added anywhere moves every index with it instead of shifting them silently.
/// A column is named by its text or, for "expression AS name", by the name; at() and parameter() are evaluated by
/// the compiler, and a name that is not in the list does not compile.
template <std::size_t N>
class ColumnList {
public:
    template <typename... Columns>
    constexpr explicit ColumnList(Columns... columns)
        : m_columns { std::string_view(columns)... }
    {
    }
    constexpr explicit ColumnList(const std::array<std::string_view, N>& columns)
        : m_columns(columns)
    {
    }

    /// The column's index in a result row (from 0).
    consteval int at(std::string_view name) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (nameOf(m_columns[i]) == name)
                return int(i);
        }
        throw "no column of that name in the list"; // only reached at compile time: a compile error
    }
    /// The column's parameter (from 1) in a statement whose values are placeholders().
    consteval int parameter(std::string_view name) const { return at(name) + 1; }

    /// "a, b, c": the list for a SELECT or an INSERT.
    [[nodiscard]] QByteArray joined() const
    {
        QByteArray text;
        for (const std::string_view column : m_columns) {
            if (!text.isEmpty())
                text += ", ";
            text.append(column.data(), qsizetype(column.size()));
        }
        return text;
    }
    /// "?1, ?2, ?3": one numbered parameter per column, for INSERT ... VALUES.
    [[nodiscard]] QByteArray placeholders() const
    {
        QByteArray text;
        for (std::size_t i = 1; i <= N; ++i)
            text += (i > 1 ? ", ?" : "?") + QByteArray::number(qulonglong(i));
        return text;
    }

    /// This list followed by `more`: the columns of this list keep their indexes.
    template <typename... Columns>
    [[nodiscard]] constexpr ColumnList<N + sizeof...(Columns)> with(Columns... more) const
    {
        std::array<std::string_view, N + sizeof...(Columns)> all {};
        const std::array<std::string_view, sizeof...(Columns)> added { std::string_view(more)... };
        for (std::size_t i = 0; i < N; ++i)
            all[i] = m_columns[i];
        for (std::size_t i = 0; i < added.size(); ++i)
            all[N + i] = added[i];
        return ColumnList<N + sizeof...(Columns)>(all);
    }

private:
    static constexpr std::string_view nameOf(std::string_view column)
    {
        const std::size_t as = column.rfind(" AS ");
        return as == std::string_view::npos ? column : column.substr(as + 4);
    }

    std::array<std::string_view, N> m_columns;
};

template <typename... Columns>
ColumnList(Columns...) -> ColumnList<sizeof...(Columns)>;

} // namespace Stepscope::Sql
