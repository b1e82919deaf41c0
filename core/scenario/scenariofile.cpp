#include "scenariofile.h"

#include <algorithm>

namespace topup {

Expected<QByteArray> ScenarioFile::read(QIODevice &device, qint64 limit)
{
    QByteArray bytes;
    while (true) {
        const qint64 room = limit + 1 - bytes.size(); // one byte more than allowed tells "too large"
        const QByteArray chunk = device.read(std::min(chunkBytes, room));
        if (chunk.isEmpty()) // the end, or a read error the caller asks its device about
            break;
        bytes += chunk;
        if (bytes.size() > limit)
            return Expected<QByteArray>::failure(
                ScenarioFile::tr("larger than %1 MiB, the limit for a scenario file").arg(limit >> 20));
    }
    return bytes;
}

} // namespace topup
