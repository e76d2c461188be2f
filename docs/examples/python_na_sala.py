import asyncio, json, secrets
import websockets

SERVIDOR = "wss://full-duplex.exemplo.partykit.dev"
SALA = "K7QXM"  # o código que está no projetor

async def main():
    pid = secrets.token_urlsafe(12)  # um id aleatório: quem sou eu
    url = f"{SERVIDOR}/parties/main/{SALA}?role=audience&pid={pid}"
    async with websockets.connect(url) as ws:
        estado = json.loads(await ws.recv())["state"]  # o snapshot
        print("slide", estado["slide"], "|", estado["audience"], "na sala")
        await ws.send(json.dumps({"type": "react", "counts": {"🐍": 1}}))
        async for mensagem in ws:  # o servidor fala quando quiser
            print(json.loads(mensagem))

asyncio.run(main())
