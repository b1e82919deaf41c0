#include "storeengine.h"

#include "postgresserver.h"

#include <QtGlobal>

namespace topup::test {

StoreEngine::StoreEngine() = default;
StoreEngine::~StoreEngine() = default;

Expected<void> StoreEngine::start()
{
    const QString name = qEnvironmentVariable("TOPUP_TEST_ENGINE");
    if (name.isEmpty() || name == QLatin1String("sqlite")) {
        m_engine = Dialect::Engine::Sqlite;
        return {};
    }
    if (name != QLatin1String("postgresql"))
        return Expected<void>::failure(QStringLiteral("TOPUP_TEST_ENGINE is \"%1\"; it takes sqlite or postgresql").arg(name));
    m_engine = Dialect::Engine::Postgresql;
    m_server = std::make_unique<PostgresServer>();
    return m_server->start();
}

} // namespace topup::test
