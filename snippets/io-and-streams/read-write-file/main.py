import asyncio
import os
import tempfile
from pathlib import Path

CSV = "1,Ada Lovelace\n2,Alan Turing\n3,Grace Hopper\n"


async def main() -> None:
    path = Path(tempfile.gettempdir()) / f"users-{os.getpid()}.csv"
    try:
        # write_text and read_text block, so each one runs on a worker
        # thread while the event loop stays free for other tasks.
        await asyncio.to_thread(path.write_text, CSV, encoding="utf-8")
        text = await asyncio.to_thread(path.read_text, encoding="utf-8")
        lines = text.splitlines()
        print(f"read {len(lines)} lines back:")
        for line in lines:
            print(f"  {line}")
    finally:
        await asyncio.to_thread(path.unlink, missing_ok=True)
        print("file deleted")


asyncio.run(main())
