// The public surface of @poolscope/plots arrives with issue #6; nothing is exported yet.
export {};
