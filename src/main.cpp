#include "cli/commands.h"

int main(int argc, char** argv) { return raci::run_cli(argc, argv); }
