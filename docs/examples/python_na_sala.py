import asyncio, json, urllib.request
import websockets

SERVIDOR = "wss://full-duplex.exemplo.partykit.dev"
SALA = "K7QXM"  # o código que está no projetor

async def main():
    sala = SERVIDOR.replace("ws", "http", 1) + f"/parties/main/{SALA}"
    pedido = urllib.request.Request(sala + "/participants", method="POST")
    pid = json.load(urllib.request.urlopen(pedido))["pid"]  # a sala diz quem sou eu
    url = f"{SERVIDOR}/parties/main/{SALA}?role=audience&pid={pid}"
    async with websockets.connect(url) as ws:
        estado = json.loads(await ws.recv())["state"]  # o snapshot
        print("slide", estado["slide"] + 1, "|", estado["audience"], "na sala")
        await ws.send(json.dumps({"type": "react", "counts": {"🐍": 1}}))
        async for mensagem in ws:  # o servidor fala quando quiser
            print(json.loads(mensagem))

asyncio.run(main())
