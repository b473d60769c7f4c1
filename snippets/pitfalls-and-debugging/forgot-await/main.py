import asyncio

saved: list[str] = []


async def save(name: str) -> None:
    await asyncio.sleep(0.1)  # stands in for a database write
    saved.append(name)


def show(label: str) -> None:
    print(f"{label}: [{', '.join(saved)}]")


async def main() -> None:
    # Forgot await: this only creates a Coroutine[Any, Any, None] and drops it.
    # Nothing runs, and Python warns on stderr: coroutine 'save' was never awaited.
    save("Ada")
    show("right after the call")
    await asyncio.sleep(0.5)
    show("half a second later")
    await save("Alan")
    show("after awaiting save")


asyncio.run(main())
