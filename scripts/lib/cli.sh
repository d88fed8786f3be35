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
    if cli_wants_help "$@"; then
        cli_help
    fi
    cli_fail "takes no arguments (got '$*'); it reads its settings from the environment"
}

# As cli_need_value, and the value must be a whole number.
cli_need_number() {
    cli_need_value "$@"
    if [[ ! "$2" =~ ^[0-9]+$ ]]; then
        cli_fail "$1 takes a whole number, not '$2'"
    fi
}

# For a script that hands its options on to a Java command: checks them against the options that command takes,
# so that a bad command line is answered in one line before any build or JVM (picocli would print its whole
# help). Reads the arrays CLI_VALUE_OPTIONS (options that take a value, as --name VALUE or --name=VALUE) and
# CLI_SWITCH_OPTIONS (options that take none). --help is the caller's to handle first.
cli_check_options() {
    local name
    while [[ $# -gt 0 ]]; do
        name="${1%%=*}"
        if cli_is_one_of "${name}" "${CLI_VALUE_OPTIONS[@]}"; then
            if [[ "$1" == *=* ]]; then
                [[ -n "${1#*=}" ]] || cli_fail "${name} needs a value"
            else
                cli_need_value "$@"
                shift
            fi
        elif ! cli_is_one_of "$1" "${CLI_SWITCH_OPTIONS[@]}"; then
            cli_unknown "$1"
        fi
        shift
    done
}

# True when the first argument is one of the others.
cli_is_one_of() {
    local wanted="$1" each
    shift
    for each in "$@"; do
        if [[ "${each}" == "${wanted}" ]]; then
            return 0
        fi
    done
    return 1
}

# True when the arguments ask for help.
cli_wants_help() {
    cli_is_one_of -h "$@" || cli_is_one_of --help "$@"
}

# For a script that takes one Kinesis event file and nothing else (invoke.sh, invoke-local.sh).
cli_event_file_argument() {
    if cli_wants_help "$@"; then
        cli_help
    fi
    case "${1:-}" in
        -*) cli_unknown "$1" ;;
        "") cli_fail "give the event file, e.g. test-payloads/book-single-record.json" ;;
    esac
    if [[ $# -gt 1 ]]; then
        cli_unknown "$2"
    fi
    if [[ ! -f "$1" ]]; then
        cli_fail "no event file at '$1'"
    fi
}
