#pragma once

#include <QTimer>

#include <functional>

namespace topup {

// When a model reads its rows again. The service's signals come in bursts
// (a manual top-up names its line, its method and its attempts): one reload
// once the burst is over. A model whose page is hidden reads nothing: it
// remembers that its rows are stale and reloads once when shown again.
class DeferredReload final
{
    Q_DISABLE_COPY_MOVE(DeferredReload)

public:
    explicit DeferredReload(std::function<void()> reload);

    // Once the current burst is over when live, else when made live again.
    // Returns whether live (a hidden model may still read what its page's
    // neighbours show, as the Alerts model its unread count).
    bool request();
    // At once when live (the rows asked for changed), else when made live again.
    void requestNow();
    // Hidden (false) or shown (true); shown with stale rows, reloads them at once.
    void setLive(bool live);
    bool isStale() const noexcept { return m_stale; }

private:
    std::function<void()> m_reload;
    QTimer m_later;
    bool m_live = true;
    bool m_stale = false;
};

} // namespace topup
