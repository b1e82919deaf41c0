#include "testmain.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace topup::test {

namespace {

struct Registry
{
    std::map<std::string, TestEntry> entries;
    std::vector<std::string> duplicates;
};

Registry &registry()
{
    static Registry tests;
    return tests;
}

std::string baseName(const char *file)
{
    std::string name(file);
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string::npos)
        name.erase(0, slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot != std::string::npos)
        name.erase(dot);
    return name;
}

void printNames(std::FILE *to)
{
    for (const auto &entry : registry().entries)
        std::fprintf(to, "%s\n", entry.first.c_str());
}

} // namespace

TestRegistration::TestRegistration(const char *file, TestEntry entry)
{
    if (!registry().entries.emplace(baseName(file), entry).second)
        registry().duplicates.push_back(baseName(file));
}

} // namespace topup::test

// PROGRAM TEST [QtTest options]: runs that one test with the options, as its
// own program would have; PROGRAM --list names the tests it holds.
int main(int argc, char *argv[])
{
    using topup::test::registry;
    for (const std::string &name : registry().duplicates) {
        std::fprintf(stderr, "%s: the test %s is registered twice\n", argv[0], name.c_str());
        return 2;
    }
    if (argc == 2 && std::strcmp(argv[1], "--list") == 0) {
        topup::test::printNames(stdout);
        return 0;
    }
    if (argc < 2 || argv[1][0] == '\0' || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: %s TEST [QtTest options] | --list\nthe tests it holds:\n", argv[0]);
        topup::test::printNames(stderr);
        return 2;
    }
    const auto found = registry().entries.find(argv[1]);
    if (found == registry().entries.end()) {
        std::fprintf(stderr, "%s: no test named '%s' here; the tests it holds:\n", argv[0], argv[1]);
        topup::test::printNames(stderr);
        return 2;
    }
    // The test sees the program's name and the options after its own name.
    std::vector<char *> arguments{argv[0]};
    arguments.insert(arguments.end(), argv + 2, argv + argc);
    arguments.push_back(nullptr);
    int count = argc - 1;
    return found->second(count, arguments.data());
}
