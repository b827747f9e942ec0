# The two commands: `make run` and `make test`. Everything else is a step of theirs.
.PHONY: run test setup build server web demo clean bench

DB ?= data/tongxin.db
PORT ?= 8080
JOBS ?= 2

run: setup server web demo
	@echo
	@echo "Tongxin is starting on http://127.0.0.1:$(PORT)"
	@echo "Log in as admin, office, hr, leader, volunteer or foreign — password Tongxin2020!"
	@echo
	./build/release/tongxin serve --db sqlite:$(DB) --port $(PORT) --web-root web/dist

test: setup
	JOBS=$(JOBS) ./scripts/test.sh

setup:
	./scripts/setup.sh

server:
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

web:
	cd web && npm run build --silent

demo: server
	./build/release/tongxin demo --db sqlite:$(DB) --log-level warn

build: server web

bench: server
	./bench/run.sh

clean:
	rm -rf build web/dist
