#include "sourcepositions.h"

#include <algorithm>
#include <bit>

namespace Stepscope {

std::uint64_t SourcePositions::keyOf(std::string_view pointer)
{
    return std::hash<std::string_view> {}(pointer);
}

std::uint64_t SourcePositions::keyBelowBase(std::string_view pointer) const
{
    return m_base.empty() ? keyOf(pointer) : keyOf(m_base + std::string(pointer));
}

SourcePositions::Table& SourcePositions::writableTable()
{
    if (!m_table)
        m_table = std::make_shared<Table>();
    else if (m_table.use_count() > 1)
        m_table = std::make_shared<Table>(*m_table);
    return *m_table;
}

void SourcePositions::reserve(std::size_t count)
{
    writableTable().entries.reserve(count);
}

void SourcePositions::insert(std::string_view pointer, SourcePos pos)
{
    Table& table = writableTable();
    table.bucketStart.clear();
    table.entries.push_back({ keyBelowBase(pointer), pos });
}

void SourcePositions::buildIndex()
{
    Table& table = writableTable();
    const std::size_t count = table.entries.size();
    // About one entry per bucket; the sort is stable, so the first of equal keys stays first.
    table.bucketBits = std::clamp(int(std::bit_width(count)), 4, 30);
    const int shift = 64 - table.bucketBits;
    std::vector<std::uint32_t> start((std::size_t(1) << table.bucketBits) + 1, 0);
    for (const Entry& entry : table.entries)
        ++start[(entry.key >> shift) + 1];
    for (std::size_t b = 1; b < start.size(); ++b)
        start[b] += start[b - 1];
    std::vector<Entry> ordered(count);
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (const Entry& entry : table.entries)
        ordered[next[entry.key >> shift]++] = entry;
    table.entries = std::move(ordered);
    table.bucketStart = std::move(start);
}

const SourcePositions::Entry* SourcePositions::lookup(std::uint64_t key) const
{
    if (!m_table)
        return nullptr;
    const Table& table = *m_table;
    auto first = table.entries.begin();
    auto last = table.entries.end();
    if (!table.bucketStart.empty()) {
        const std::uint64_t bucket = key >> (64 - table.bucketBits);
        last = first + table.bucketStart[bucket + 1];
        first += table.bucketStart[bucket];
    }
    const auto found = std::find_if(first, last, [key](const Entry& entry) { return entry.key == key; });
    return found == last ? nullptr : &*found;
}

std::optional<SourcePos> SourcePositions::at(std::string_view pointer) const
{
    const Entry* entry = lookup(keyBelowBase(pointer));
    return entry ? std::optional<SourcePos>(entry->pos) : std::nullopt;
}

SourcePos SourcePositions::find(std::string_view pointer) const
{
    std::string full = m_base;
    full += pointer;
    std::size_t length = full.size();
    while (true) {
        if (const Entry* entry = lookup(keyOf(std::string_view(full).substr(0, length))))
            return entry->pos;
        if (length <= m_base.size())
            return {};
        length = full.rfind('/', length - 1);
        if (length == std::string::npos || length < m_base.size())
            length = m_base.size();
    }
}

SourcePositions SourcePositions::below(std::string_view pointer) const
{
    SourcePositions view = *this;
    view.m_base += pointer;
    return view;
}

void SourcePositions::transform(const std::function<SourcePos(SourcePos)>& map)
{
    if (!m_table)
        return;
    for (Entry& entry : writableTable().entries)
        entry.pos = map(entry.pos);
}

} // namespace Stepscope
