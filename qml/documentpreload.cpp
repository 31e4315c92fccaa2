#include "documentpreload.h"

namespace Stepscope {

namespace {
struct Preload {
    DocumentRequest request;
    QFuture<std::shared_ptr<LoadedDocument>> future;
};

std::optional<Preload>& pending()
{
    static std::optional<Preload> preload;
    return preload;
}
} // namespace

void DocumentPreload::start(const DocumentRequest& request)
{
    pending() = Preload { request, startLoadingDocument(request) };
}

std::optional<QFuture<std::shared_ptr<LoadedDocument>>> DocumentPreload::take(const DocumentRequest& request)
{
    std::optional<Preload> preload = std::exchange(pending(), std::nullopt);
    if (!preload || !(preload->request == request))
        return std::nullopt;
    return preload->future;
}

} // namespace Stepscope
