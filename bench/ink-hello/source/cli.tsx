#!/usr/bin/env node
import React from 'react';
import {render} from 'ink';
import App from './app.js';

render(<App name={process.argv[2]} />);
