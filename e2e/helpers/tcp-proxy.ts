import net from 'node:net';

export type TcpProxy = {
  port: number;
  /** Drops every open connection and resets new ones (the network is down). */
  cut: () => void;
  /** Drops every open connection and stops listening, so connecting is refused (the server restarts). */
  refuse: () => Promise<void>;
  /** Accepts connections again (listening on the same port after `refuse`). */
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

/** A TCP proxy to 127.0.0.1:`targetPort` whose connections a test can cut, like a network drop. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = () => {
    down = true;
    for (const socket of open) socket.destroy();
  };
  return {
    port,
    cut,
    refuse: async () => {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    restore: async () => {
      down = false;
      if (!server.listening) await listen(port);
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}
