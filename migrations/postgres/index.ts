import * as migration_20261123_153743_initial from './20261123_153743_initial';

export const migrations = [
  {
    up: migration_20261123_153743_initial.up,
    down: migration_20261123_153743_initial.down,
    name: '20261123_153743_initial'
  },
];
