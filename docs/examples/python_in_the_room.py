import asyncio, json, urllib.request
import websockets

SERVER = "wss://full-duplex.example.partykit.dev"
ROOM = "K7QXM"  # the code shown on the projector

async def main():
    room = SERVER.replace("ws", "http", 1) + f"/parties/main/{ROOM}"
    request = urllib.request.Request(room + "/participants", method="POST")
    pid = json.load(urllib.request.urlopen(request))["pid"]  # the room says who I am
    url = f"{SERVER}/parties/main/{ROOM}?role=audience&pid={pid}"
    async with websockets.connect(url) as ws:
        state = json.loads(await ws.recv())["state"]  # the snapshot
        print("slide", state["slide"] + 1, "|", state["audience"], "in the room")
        await ws.send(json.dumps({"type": "react", "counts": {"🐍": 1}}))
        async for message in ws:  # the server speaks whenever it wants
            print(json.loads(message))

asyncio.run(main())
