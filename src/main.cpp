// tongxin: arguments -> configuration -> app. Nothing else.
#include "app/cli.hpp"

int main(int argc, char** argv) { return tongxin::app::RunCli(argc, argv); }
