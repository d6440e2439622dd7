#!/usr/bin/env node
// The reference point of the idle benchmark: the least an Ink screen that shows seconds can cost,
// a bare app re-rendering one line of clock once a second (run with NODE_ENV=production, as drill's
// bundle is built). drill play at 1× redraws about that often, so this is its floor under Ink.
import React, {useEffect, useState} from 'react';
import {render, Box, Text} from 'ink';

function Clock() {
	const [seconds, setSeconds] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setSeconds(s => s + 1), 1000);
		return () => clearInterval(timer);
	}, []);
	const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
	const ss = String(seconds % 60).padStart(2, '0');
	return (
		<Box flexDirection="column">
			<Text bold>T+{mm}:{ss} RUNNING</Text>
			<Text>a quiet night</Text>
		</Box>
	);
}

render(<Clock />);
