#pragma once

#include "workflow/diagnostic.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Stepscope {

/// Where each value of a document came from, by JSON pointer ("" for the root, "/States/A/Next").
///
/// Keyed by a 64-bit hash of the pointer and built in two steps, so that recording the position of each of a large
/// definition's ~100,000 values costs neither an allocation nor a cache miss: readers append (key, position) pairs,
/// then buildIndex() orders them by key with one counting-sort pass. (A std::unordered_map<std::string, SourcePos>
/// spent a tenth of `stepscope validate` on key and node allocations; an open-addressing table, a tenth on cache
/// misses.) Two pointers with the same hash would share one position; with 64-bit hashes the odds are about 1 in
/// 10^8 for a million values, and the cost would be a wrong line number in a message, never a wrong result. Copies
/// share the table until one of them changes it.
class SourcePositions {
public:
    /// Prepares for about `count` positions.
    void reserve(std::size_t count);
    /// Records `pos` for `pointer` unless it already has one: of duplicate keys, the first one's position stays.
    void insert(std::string_view pointer, SourcePos pos);
    /// Makes find() fast after the last insert(); without it, find() still answers, by a linear search.
    void buildIndex();
    /// The position recorded for exactly `pointer`, if any.
    [[nodiscard]] std::optional<SourcePos> at(std::string_view pointer) const;
    /// The position of `pointer`, or of its nearest ancestor that has one; an invalid position when none has.
    [[nodiscard]] SourcePos find(std::string_view pointer) const;
    /// The positions of the values below `pointer`, with pointers relative to it (for a document inside a document).
    [[nodiscard]] SourcePositions below(std::string_view pointer) const;
    /// How many positions the table holds (for a view made by below(), those of the whole document).
    [[nodiscard]] std::size_t size() const { return m_table ? m_table->entries.size() : 0; }
    /// Replaces every position with `map(position)`.
    void transform(const std::function<SourcePos(SourcePos)>& map);

private:
    struct Entry {
        std::uint64_t key = 0;
        SourcePos pos;
    };
    struct Table {
        std::vector<Entry> entries; ///< in insertion order, or ordered by bucket once indexed
        /// Bucket b (the key's top `bucketBits` bits) holds entries [bucketStart[b], bucketStart[b + 1]); empty
        /// while not indexed.
        std::vector<std::uint32_t> bucketStart;
        int bucketBits = 0;
    };

    [[nodiscard]] static std::uint64_t keyOf(std::string_view pointer);
    /// The key of `pointer` read below this view's base (set by below()).
    [[nodiscard]] std::uint64_t keyBelowBase(std::string_view pointer) const;
    [[nodiscard]] const Entry* lookup(std::uint64_t key) const;
    Table& writableTable();

    std::shared_ptr<Table> m_table;
    std::string m_base; ///< prefix of every pointer looked up: set by below()
};

} // namespace Stepscope
