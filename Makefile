# The two commands of the README: `make run` and `make test`. Both install
# the Debian packages the project needs first (as root; otherwise they
# print the command to run).

BUILDDIR      ?= _build
ASAN_BUILDDIR ?= _build-asan

DEBS = meson ninja-build pkg-config gcc clang libclang-rt-14-dev \
       libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev \
       libjson-glib-dev libsqlite3-dev libxlsxwriter-dev \
       gettext locales desktop-file-utils appstream \
       xvfb xauth dbus dbus-x11 poppler-utils python3 python3-jsonschema \
       fonts-cantarell fonts-dejavu-core adwaita-icon-theme \
       libreoffice-calc-nogui

# `make run` installs into the build directory, so that the app finds its
# translations, settings schema and icons as an installed app does.
PREFIX  = $(CURDIR)/$(BUILDDIR)/prefix
RUN_ENV = GSETTINGS_SCHEMA_DIR=$(PREFIX)/share/glib-2.0/schemas XDG_DATA_DIRS=$(PREFIX)/share:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share}

.PHONY: all deps locale build run test test-asan bench clean

all: build

deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing packages. Run as root:"; echo "  apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

# The Danish tests need the da_DK.UTF-8 locale.
locale: deps
	@if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$$'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    sed -i 's/^# *\(da_DK.UTF-8 UTF-8\)/\1/' /etc/locale.gen; \
	    grep -q '^da_DK.UTF-8 UTF-8' /etc/locale.gen || echo 'da_DK.UTF-8 UTF-8' >> /etc/locale.gen; \
	    locale-gen >/dev/null; \
	  else \
	    echo "The da_DK.UTF-8 locale is missing. Run as root: locale-gen da_DK.UTF-8"; exit 1; \
	  fi; \
	fi

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) --prefix=$(PREFIX)

build: deps locale $(BUILDDIR)/build.ninja
	ninja -C $(BUILDDIR)

run: build
	meson install -C $(BUILDDIR) --quiet
	$(RUN_ENV) $(PREFIX)/bin/tovholder --demo

test: build
	xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- meson test -C $(BUILDDIR) --print-errorlogs
	$(MAKE) test-asan

$(ASAN_BUILDDIR)/build.ninja:
	meson setup $(ASAN_BUILDDIR) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

test-asan: deps locale $(ASAN_BUILDDIR)/build.ninja
	ninja -C $(ASAN_BUILDDIR)
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
	  meson test -C $(ASAN_BUILDDIR) --print-errorlogs --suite core --suite ui

# Benchmarks (bench/) on generated portfolios, with their peers side by
# side: the figures and the targets they meet or miss go into
# bench/RESULTS.md. Never part of `make test`. LibreOffice Calc, the peer
# of one of them, is among the packages installed for the tests.

bench: build
	xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
	  python3 bench/run-benches.py --build $(BUILDDIR) --results bench/RESULTS.md

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR)

# The JSON importer under libFuzzer for FUZZ_SECONDS: a clang build of its
# own, the core instrumented for coverage, with AddressSanitizer and
# UndefinedBehaviorSanitizer. It runs on a copy of the seed corpus
# (tests/fuzz-corpus and the demo) in $(FUZZ_BUILDDIR)/corpus, where the
# inputs it finds stay; a crash is saved in $(FUZZ_BUILDDIR)/artifacts and
# fails the target. Replay one with: $(FUZZ_BUILDDIR)/tests/fuzz-json-libfuzzer FILE
FUZZ_BUILDDIR ?= _build-fuzz
FUZZ_SECONDS  ?= 60

.PHONY: fuzz

$(FUZZ_BUILDDIR)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILDDIR) -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dbuildtype=debugoptimized -Dc_args=-fsanitize=fuzzer-no-link

fuzz: deps $(FUZZ_BUILDDIR)/build.ninja
	ninja -C $(FUZZ_BUILDDIR) tests/fuzz-json-libfuzzer
	mkdir -p $(FUZZ_BUILDDIR)/corpus $(FUZZ_BUILDDIR)/artifacts
	cp tests/fuzz-corpus/*.json data/demo-portfolio.json $(FUZZ_BUILDDIR)/corpus/
	ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 TZ=UTC \
	  $(FUZZ_BUILDDIR)/tests/fuzz-json-libfuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=131072 \
	  -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_BUILDDIR)/artifacts/ $(FUZZ_BUILDDIR)/corpus
