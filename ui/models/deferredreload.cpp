#include "deferredreload.h"

namespace topup {

DeferredReload::DeferredReload(std::function<void()> reload) : m_reload(std::move(reload))
{
    m_later.setSingleShot(true);
    m_later.setInterval(0);
    QObject::connect(&m_later, &QTimer::timeout, [this] { m_reload(); });
}

bool DeferredReload::request()
{
    if (m_live)
        m_later.start();
    else
        m_stale = true;
    return m_live;
}

void DeferredReload::requestNow()
{
    if (m_live) {
        m_later.stop();
        m_reload();
    } else {
        m_stale = true;
    }
}

void DeferredReload::setLive(bool live)
{
    m_live = live;
    if (live && m_stale) {
        m_stale = false;
        m_reload();
    }
}

} // namespace topup
