#pragma once

#include "dataflowerror.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Stepscope::Dataflow {

/// What a path is evaluated against: the effective input ("$"), the context object ("$$") and the variables
/// ("$name"). Any of them may be absent (nullptr): a path into an absent root finds nothing.
struct PathScope {
    const Json* input = nullptr;
    const Json* context = nullptr;
    const Json* variables = nullptr; ///< an object: variable name -> value
    /// When set, every context path read ("$$.Execution.Id") and every random intrinsic called ("States.UUID") is
    /// appended here, so that a replay can count values it cannot know apart.
    std::vector<std::string>* volatileUses = nullptr;
};

struct FilterNode;

/// One step of a path: `.name`, `['name']`, `[3]`, `*`, `[1:5:2]`, `['a','b']`, `[0,2]`, `[?(...)]`, each
/// optionally after `..` (descendants).
struct PathSegment {
    enum class Kind { Child, Index, Wildcard, Slice, Names, Indexes, Filter };
    Kind kind = Kind::Child;
    bool descendant = false;
    std::string name;
    long long index = 0;
    std::optional<long long> start, end, step;
    std::vector<std::string> names;
    std::vector<long long> indexes;
    std::shared_ptr<const FilterNode> filter;
};

/// A value found by a path, with the normalized path of where it was found ("$['order']['id']").
struct PathMatch {
    std::string location;
    const Json* value = nullptr;
};

/// JSONPath as the Amazon States Language uses it (the service evaluates paths with Jayway JsonPath): "$", "$.a.b",
/// "$['a b'][0]", "$$.Execution.Id", "$var.field", and where ASL allows them the operators `..`, `*`, slices, unions
/// and filters such as `[?(@.price < 10)]`. A definite path (names and single indexes only) yields one value or an
/// error; any other path yields the array of what it found, possibly empty.
class JsonPath {
public:
    enum class Root { Input, Context, Variable };

    /// Parses `text`; throws DataflowError (States.Runtime) with what is wrong when it is not a valid path.
    [[nodiscard]] static JsonPath parse(std::string_view text);
    /// Same without throwing: nullopt and `problem` set on syntax errors.
    [[nodiscard]] static std::optional<JsonPath> tryParse(std::string_view text, QString* problem = nullptr);

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] Root root() const { return m_root; }
    [[nodiscard]] const std::string& variable() const { return m_variable; } ///< Root::Variable: its name
    [[nodiscard]] const std::vector<PathSegment>& segments() const { return m_segments; }
    /// Names and single indexes only: the path points at one place.
    [[nodiscard]] bool isDefinite() const;
    /// A Reference Path (ResultPath): "$" then names and indexes only.
    [[nodiscard]] bool isReferencePath() const;
    /// "$['order']['id']", as the service writes paths in its messages.
    [[nodiscard]] std::string normalized() const;

    /// Every value the path finds, in document order.
    [[nodiscard]] std::vector<PathMatch> select(const PathScope& scope) const;
    /// The path's value by AWS's rules: a definite path's value, or throws States.Runtime "Invalid path '$.a' : No
    /// results for path: $['a']"; an indefinite path's array of matches.
    [[nodiscard]] Json evaluate(const PathScope& scope) const;
    /// Same, without throwing: nullopt when a definite path finds nothing.
    [[nodiscard]] std::optional<Json> find(const PathScope& scope) const;

    /// Writes `value` at this reference path inside `target`, creating missing objects (ResultPath). "$" replaces
    /// the whole target. Throws States.Runtime when a step crosses a value that is not an object.
    void assign(Json& target, Json value) const;

private:
    std::string m_text;
    Root m_root = Root::Input;
    std::string m_variable;
    std::vector<PathSegment> m_segments;
};

/// Convenience: evaluates `path` text against `scope` (parse + evaluate).
[[nodiscard]] Json evaluatePath(std::string_view path, const PathScope& scope);

} // namespace Stepscope::Dataflow
