#include "documentpreload.h"

namespace Stepscope {

namespace {
struct Preload {
    LoadRequest request;
    QFuture<LoadResult> future;
};

std::optional<Preload>& pending()
{
    static std::optional<Preload> preload;
    return preload;
}
} // namespace

void DocumentPreload::start(const LoadRequest& request)
{
    pending() = Preload { request, startLoading(request) };
}

std::optional<QFuture<LoadResult>> DocumentPreload::take(const LoadRequest& request)
{
    std::optional<Preload> preload = std::exchange(pending(), std::nullopt);
    if (!preload || !(preload->request == request))
        return std::nullopt;
    return preload->future;
}

} // namespace Stepscope
