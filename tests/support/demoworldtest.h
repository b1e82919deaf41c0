#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace topup::test {

// The base of a test class whose every test function damages a world of
// its own: the demo world is built once, clean (initTestCase), and each test
// function gets a copy of it in a folder of its own (init), in m_dir.
class DemoWorldTest : public QObject
{
    Q_OBJECT

protected:
    QString m_dir; // the running test function's copy of the demo world

private slots:
    void initTestCase();
    void init();

private:
    QTemporaryDir m_root;
    QString m_world;
};

} // namespace topup::test
