// The command line: serve (default), migrate, demo, user add, import people, backup.
#pragma once

namespace tongxin::app {

// Parses arguments, runs the command and returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace tongxin::app
