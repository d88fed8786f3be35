#!/usr/bin/env bash
# Usage and option parsing, the same for every script in scripts/. Source it; it defines functions only.
#
# A script's usage is its header comment: the lines after the shebang up to the first line that is not a comment.
# --help prints it to stdout and exits 0 before anything starts. A bad command line gets one line on stderr naming
# what is wrong, then "see --help", and exit 2: never a raw bash error such as "$2: unbound variable".
#
#   parse_arguments() {
#       while [[ $# -gt 0 ]]; do
#           case "$1" in
#               --count) cli_need_value "$@"; COUNT="$2"; shift ;;
#               -h | --help) cli_help ;;
#               *) cli_unknown "$1" ;;
#           esac
#           shift
#       done
#   }

# The script's name in messages: soak for scripts/soak.sh.
cli_name() {
    basename "${0}" .sh
}

# Prints the header comment of the script being run, without its comment marks and shellcheck directives.
cli_usage() {
    awk 'NR == 1 { next }
        /^#/ { if ($0 ~ /^# *shellcheck /) next; sub(/^# ?/, ""); print; next }
        { exit }' "${0}"
}

cli_help() {
    cli_usage
    exit 0
}

# One line on stderr, exit 2.
cli_fail() {
    echo "$(cli_name): $*; see --help" >&2
    exit 2
}

cli_unknown() {
    if [[ "$1" == -* ]]; then
        cli_fail "unknown option '$1'"
    fi
    cli_fail "unexpected argument '$1'"
}

# Call with the arguments still to parse, the flag first: fails unless a value follows it. A value that looks
# like an option is taken for a forgotten value (`--count --seed 3`), which is the likelier mistake.
cli_need_value() {
    if [[ $# -lt 2 || "$2" == --* ]]; then
        cli_fail "$1 needs a value"
    fi
}

# For a script configured by the environment only: --help, or nothing at all.
cli_no_arguments() {
    if [[ $# -eq 0 ]]; then
        return 0
    fi
    case "$1" in
        -h | --help) cli_help ;;
        *) cli_unknown "$1" ;;
    esac
}

# Fails unless the value given for the flag is a whole number.
cli_whole_number() {
    local flag="$1" value="$2"
    if [[ ! "${value}" =~ ^[0-9]+$ ]]; then
        cli_fail "${flag} takes a whole number, not '${value}'"
    fi
}
